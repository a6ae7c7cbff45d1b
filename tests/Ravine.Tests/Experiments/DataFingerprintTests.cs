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
    public void Each_file_the_format_reads_gets_a_sampled_xxh128()
    {
        using var folder = new ScratchFolder();
        string data = Generated(folder);
        var fingerprint = DataFingerprint.Of("single-neuron", data);
        Assert.Equal(["v.npy", "w1.npy", "w2.npy"], fingerprint.Keys);
        Assert.All(fingerprint.Values, hash => Assert.Matches("^sampled-xxh128:[0-9a-f]{32}$", hash));
        // Same bytes, same hash; one bit, another.
        string w1 = Path.Combine(data, "w1.npy");
        string before = fingerprint["w1.npy"]!;
        Assert.Equal(before, DataFingerprint.Of("single-neuron", data)["w1.npy"]);
        byte[] bytes = File.ReadAllBytes(w1);
        bytes[^1] ^= 1;
        File.WriteAllBytes(w1, bytes);
        Assert.NotEqual(before, DataFingerprint.Of("single-neuron", data)["w1.npy"]);
    }

    /// <summary>What checkpoints written before the sampled hash hold: the whole file's SHA-256 (lower-case hex), then its XXH128.</summary>
    private static string Legacy(string kind, byte[] bytes) => kind == "sha256"
        ? Convert.ToHexStringLower(SHA256.HashData(bytes))
        : "xxh128:" + Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(bytes));

    [Theory]
    [InlineData("sha256")]
    [InlineData("xxh128")]
    public void A_checkpoint_that_kept_whole_file_hashes_of_an_older_kind_is_checked_with_them(string kind)
    {
        using var folder = new ScratchFolder();
        string data = Generated(folder);
        var legacy = DataFingerprint.Of("single-neuron", data).ToDictionary(p => p.Key,
            p => p.Value is null ? null : Legacy(kind, File.ReadAllBytes(Path.Combine(data, p.Key))));
        DataFingerprint.Verify("single-neuron", data, legacy);
        string w1 = Path.Combine(data, "w1.npy");
        byte[] bytes = File.ReadAllBytes(w1);
        bytes[^1] ^= 1;
        File.WriteAllBytes(w1, bytes);
        var e = Assert.Throws<InstanceDataException>(() => DataFingerprint.Verify("single-neuron", data, legacy));
        Assert.Contains("w1.npy", e.Message);
        Assert.Contains("changed", e.Message);
    }

    [Fact]
    public void A_large_file_is_sampled_its_header_ends_samples_and_length_each_change_the_hash()
    {
        using var folder = new ScratchFolder();
        string data = Generated(folder);
        string v = Path.Combine(data, "v.npy");
        // A file larger than what is hashed whole, so it is sampled.
        var random = new Ravine.Randomness.Xoshiro256StarStar(7);
        byte[] bytes = new byte[DataFingerprint.WholeBelow * 2 + 12345];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)random.NextUInt64();
        File.WriteAllBytes(v, bytes);
        var fingerprint = DataFingerprint.Of("single-neuron", data);
        string before = fingerprint["v.npy"]!;
        // The first sample between the ends starts right after the first EdgeBytes.
        foreach (long offset in new long[] { 10, bytes.Length - 10, DataFingerprint.EdgeBytes + 5 })
        {
            bytes[offset] ^= 1;
            File.WriteAllBytes(v, bytes);
            Assert.NotEqual(before, DataFingerprint.Of("single-neuron", data)["v.npy"]);
            Assert.Throws<InstanceDataException>(() => DataFingerprint.Verify("single-neuron", data, fingerprint));
            bytes[offset] ^= 1;
        }
        File.WriteAllBytes(v, bytes);
        Assert.Equal(before, DataFingerprint.Of("single-neuron", data)["v.npy"]);
        File.WriteAllBytes(v, [.. bytes, 0]);
        Assert.NotEqual(before, DataFingerprint.Of("single-neuron", data)["v.npy"]);
    }
}
