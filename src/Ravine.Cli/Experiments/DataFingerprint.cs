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
/// <para>
/// The hash is XXH128 of a sample of the file, written <c>sampled-xxh128:</c> and 32 hex digits: the file's length, its
/// first and last <see cref="EdgeBytes"/> (the .npy header, so any change of shape or dtype, and the end) and
/// <see cref="Samples"/> blocks of <see cref="SampleBytes"/> spread evenly between; a file of at most
/// <see cref="WholeBelow"/> bytes is hashed whole. A start then reads at most a few megabytes per file, whatever its
/// size (hashing a 160 GB folder whole took minutes; docs/DISTRIBUTED.md has the measurement). It is a change
/// detector, not a signature: a file replaced, regenerated, truncated or extended is caught, but a few bytes edited
/// in place between the samples of a large file are not.
/// </para>
/// <para>
/// Checkpoints written before hold <c>xxh128:</c> (the whole file's XXH128) or 64 hex digits (its SHA-256); each is
/// still checked in its own kind, reading the whole file.
/// </para>
/// </remarks>
public static class DataFingerprint
{
    private const string Prefix = "sampled-xxh128:", WholePrefix = "xxh128:";

    /// <summary>Bytes hashed at each end of a large file.</summary>
    public const int EdgeBytes = 1 << 20;

    /// <summary>Blocks sampled between the ends of a large file.</summary>
    public const int Samples = 64;

    /// <summary>Bytes of each sampled block.</summary>
    public const int SampleBytes = 1 << 16;

    /// <summary>Files up to this size are hashed whole (as many bytes as the samples of a large one would read).</summary>
    public const long WholeBelow = 2L * EdgeBytes + (long)Samples * SampleBytes;

    /// <summary>The fingerprint of <paramref name="folder"/> as <paramref name="problem"/>'s format reads it.</summary>
    /// <exception cref="ArgumentException">The problem has no folder format.</exception>
    public static IReadOnlyDictionary<string, string?> Of(string problem, string folder) => Of(problem, folder, expected: null);

    private static SortedDictionary<string, string?> Of(string problem, string folder, IReadOnlyDictionary<string, string?>? expected)
    {
        var fingerprint = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in InstanceFormats.Find(problem).Files)
        {
            string path = Path.Combine(folder, file.Name);
            // A file the checkpoint fingerprinted in an older kind (SHA-256, then the whole file's XXH128) is compared in kind.
            string? before = expected is not null && expected.TryGetValue(file.Name, out var stored) ? stored : null;
            fingerprint[file.Name] = !File.Exists(path) ? null
                : before is not null && before.StartsWith(WholePrefix, StringComparison.Ordinal) ? Xxh128(path)
                : before is { Length: 64 } && !before.Contains(':', StringComparison.Ordinal) ? Sha256(path)
                : SampledXxh128(path);
        }
        return fingerprint;
    }

    /// <summary>The whole file's XXH128 (a start file: small, and hashed whole).</summary>
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
        return WholePrefix + Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private static string SampledXxh128(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);
        long length = stream.Length;
        var hash = new XxHash128();
        Span<byte> size = stackalloc byte[sizeof(long)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(size, length);
        hash.Append(size);
        if (length <= WholeBelow)
        {
            hash.Append(stream);
        }
        else
        {
            byte[] buffer = new byte[EdgeBytes];
            Append(hash, stream, buffer, 0, EdgeBytes);
            // The samples start at fixed fractions of the span between the ends: the same offsets for the same length.
            long span = length - 2L * EdgeBytes - SampleBytes;
            for (int i = 0; i < Samples; i++)
                Append(hash, stream, buffer, EdgeBytes + span * i / (Samples - 1), SampleBytes);
            Append(hash, stream, buffer, length - EdgeBytes, EdgeBytes);
        }
        return Prefix + Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private static void Append(XxHash128 hash, FileStream stream, byte[] buffer, long offset, int count)
    {
        int read = RandomAccess.Read(stream.SafeFileHandle, buffer.AsSpan(0, count), offset);
        if (read != count) throw new IOException($"{stream.Name}: {read} bytes at {offset}, expected {count}: the file changed while it was read");
        hash.Append(buffer.AsSpan(0, count));
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
