using System.Security.Cryptography;
using Ravine.Instances;
using Ravine.Problems;

namespace Ravine.Cli.Experiments;

/// <summary>
/// The SHA-256 of each file of an instance folder that the problem's format reads (null for an optional file that is
/// absent), stored in a checkpoint so that a resume refuses a data folder changed since the run began: numbers of the
/// same shape would otherwise load silently and continue a different problem.
/// </summary>
public static class DataFingerprint
{
    /// <summary>The fingerprint of <paramref name="folder"/> as <paramref name="problem"/>'s format reads it.</summary>
    /// <exception cref="ArgumentException">The problem has no folder format.</exception>
    public static IReadOnlyDictionary<string, string?> Of(string problem, string folder)
    {
        var fingerprint = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in InstanceFormats.Find(problem).Files)
        {
            string path = Path.Combine(folder, file.Name);
            fingerprint[file.Name] = File.Exists(path) ? Hash(path) : null;
        }
        return fingerprint;
    }

    // Streamed: the sensing files of a large instance are gigabytes (8 GB each at m = 10⁶, d = 1,000).
    private static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Throws unless <paramref name="folder"/> still has the fingerprint <paramref name="expected"/>.</summary>
    /// <exception cref="InstanceDataException">A file was changed, added or removed; the message names it.</exception>
    public static void Verify(string problem, string folder, IReadOnlyDictionary<string, string?> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var actual = Of(problem, folder);
        foreach (var (name, hash) in actual)
        {
            expected.TryGetValue(name, out var before);
            if (before == hash) continue;
            string what = before is null ? "appeared" : hash is null ? "was removed" : "changed (its SHA-256 differs)";
            throw new InstanceDataException(Path.Combine(folder, name),
                $"{what} since the run began; a resumed run must see the same instance, so restore the file or start a new run");
        }
    }
}
