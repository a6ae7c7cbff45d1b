using System.IO.Hashing;
using System.Security.Cryptography;
using Ravine.Instances;
using Ravine.Problems;

namespace Ravine.Cli.Experiments;

/// <summary>
/// A hash of each file of an instance folder that the problem's format reads (null for an optional file that is
/// absent), stored in a checkpoint so that a resume refuses a data folder changed since the run began: numbers of the
/// same shape would otherwise load silently and continue a different problem.
/// </summary>
/// <remarks>
/// The hash is XXH128 of the whole file, written <c>xxh128:</c> and 32 hex digits: a change detector, not a
/// signature, and several times faster than SHA-256, which made every <c>run --data</c> of a large sensing instance
/// wait noticeably before its first iteration (docs/PERFORMANCE.md has the measurement). Checkpoints written
/// before hold 64 hex digits, a SHA-256, and are still checked with it.
/// </remarks>
public static class DataFingerprint
{
    private const string Prefix = "xxh128:";

    /// <summary>The fingerprint of <paramref name="folder"/> as <paramref name="problem"/>'s format reads it.</summary>
    /// <exception cref="ArgumentException">The problem has no folder format.</exception>
    public static IReadOnlyDictionary<string, string?> Of(string problem, string folder) => Of(problem, folder, expected: null);

    private static SortedDictionary<string, string?> Of(string problem, string folder, IReadOnlyDictionary<string, string?>? expected)
    {
        var fingerprint = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in InstanceFormats.Find(problem).Files)
        {
            string path = Path.Combine(folder, file.Name);
            // A file the checkpoint fingerprinted with SHA-256 (before XXH128) is compared in kind.
            bool legacy = expected is not null && expected.TryGetValue(file.Name, out var before) && before is { Length: 64 } && !before.StartsWith(Prefix, StringComparison.Ordinal);
            fingerprint[file.Name] = !File.Exists(path) ? null : legacy ? Sha256(path) : Xxh128(path);
        }
        return fingerprint;
    }

    /// <summary>The hash of one file, as <see cref="Of(string, string)"/> gives it for each file of a folder.</summary>
    public static string OfFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Xxh128(path);
    }

    // Streamed: the sensing files of a large instance are gigabytes (8 GB each at m = 10⁶, d = 1,000).
    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20, FileOptions.SequentialScan);

    private static string Xxh128(string path)
    {
        using var stream = Open(path);
        var hash = new XxHash128();
        hash.Append(stream);
        return Prefix + Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private static string Sha256(string path)
    {
        using var stream = Open(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Throws unless <paramref name="folder"/> still has the fingerprint <paramref name="expected"/>.</summary>
    /// <exception cref="InstanceDataException">A file was changed, added or removed; the message names it.</exception>
    public static void Verify(string problem, string folder, IReadOnlyDictionary<string, string?> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var actual = Of(problem, folder, expected);
        foreach (var (name, hash) in actual)
        {
            expected.TryGetValue(name, out var before);
            if (before == hash) continue;
            string what = before is null ? "appeared" : hash is null ? "was removed" : "changed (its hash differs)";
            throw new InstanceDataException(Path.Combine(folder, name),
                $"{what} since the run began; a resumed run must see the same instance, so restore the file or start a new run");
        }
    }
}
