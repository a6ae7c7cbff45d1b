using System.Security.Cryptography;
using Ravine.Cli.Experiments;
using Ravine.Instances;
using Ravine.Tests.Cli;
using Ravine.Tests.IO;

namespace Ravine.Tests.Experiments;

/// <summary>The hashes a checkpoint keeps of a data folder, and the checkpoints that kept SHA-256 before.</summary>
public class DataFingerprintTests
{
    private static string Generated(ScratchFolder folder)
    {
        string data = folder.File("data");
        Assert.Equal(0, CliRunner.Run("generate", "single-neuron", "--seed", "5", "--out", data).ExitCode);
        return data;
    }

    [Fact]
    public void Each_file_the_format_reads_gets_an_xxh128()
    {
        using var folder = new ScratchFolder();
        string data = Generated(folder);
        var fingerprint = DataFingerprint.Of("single-neuron", data);
        Assert.Equal(["v.npy", "w1.npy", "w2.npy"], fingerprint.Keys);
        Assert.All(fingerprint.Values, hash => Assert.Matches("^xxh128:[0-9a-f]{32}$", hash));
        // Same bytes, same hash; one bit, another.
        string w1 = Path.Combine(data, "w1.npy");
        string before = fingerprint["w1.npy"]!;
        Assert.Equal(before, DataFingerprint.Of("single-neuron", data)["w1.npy"]);
        byte[] bytes = File.ReadAllBytes(w1);
        bytes[^1] ^= 1;
        File.WriteAllBytes(w1, bytes);
        Assert.NotEqual(before, DataFingerprint.Of("single-neuron", data)["w1.npy"]);
    }

    [Fact]
    public void A_checkpoint_that_kept_sha256_hashes_is_checked_with_them()
    {
        using var folder = new ScratchFolder();
        string data = Generated(folder);
        // What a checkpoint written before XXH128 holds: the lower-case hex SHA-256 of each file.
        var legacy = DataFingerprint.Of("single-neuron", data).ToDictionary(p => p.Key,
            p => p.Value is null ? null : Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(data, p.Key)))));
        DataFingerprint.Verify("single-neuron", data, legacy);
        string w1 = Path.Combine(data, "w1.npy");
        byte[] bytes = File.ReadAllBytes(w1);
        bytes[^1] ^= 1;
        File.WriteAllBytes(w1, bytes);
        var e = Assert.Throws<InstanceDataException>(() => DataFingerprint.Verify("single-neuron", data, legacy));
        Assert.Contains("w1.npy", e.Message);
        Assert.Contains("changed", e.Message);
    }
}
