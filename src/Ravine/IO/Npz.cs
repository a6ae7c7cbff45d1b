using System.Collections.ObjectModel;
using System.IO.Compression;

namespace Ravine.IO;

/// <summary>
/// Reads and writes NumPy <c>.npz</c> archives: zip files of <c>.npy</c> entries, stored or deflated, as written by
/// <c>numpy.savez</c> and <c>numpy.savez_compressed</c>. Arrays are named by their entry name without <c>.npy</c>.
/// A damaged archive, an entry that is not a .npy file, or a bad array throws <see cref="NpyFormatException"/>.
/// </summary>
public static class Npz
{
    private const string Extension = ".npy";

    /// <summary>Zip timestamps are fixed so that the same arrays always give the same bytes.</summary>
    private static readonly DateTimeOffset Timestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Reads every array in an .npz file.</summary>
    /// <param name="path">The archive.</param>
    /// <returns>The arrays by name (<c>x.npy</c> is named <c>x</c>).</returns>
    /// <exception cref="NpyFormatException">The archive is damaged, holds an entry that is not a <c>.npy</c> file, holds two entries of one name, or an entry is not a valid, supported .npy array.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static IReadOnlyDictionary<string, NpyArray> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return Read(stream, path);
    }

    /// <summary>Reads every array in an .npz archive held in a stream (which is left open).</summary>
    /// <param name="stream">The archive; a stream that cannot seek is first copied into memory.</param>
    /// <param name="sourceName">A name for the stream in error messages.</param>
    /// <returns>The arrays by name (<c>x.npy</c> is named <c>x</c>).</returns>
    /// <exception cref="NpyFormatException">The archive is damaged, holds an entry that is not a <c>.npy</c> file, holds two entries of one name, or an entry is not a valid, supported .npy array.</exception>
    public static IReadOnlyDictionary<string, NpyArray> Read(Stream stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var arrays = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
        string? current = null;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                current = entry.FullName;
                if (current.EndsWith('/') && entry.Length == 0)
                    continue; // a folder record, which zip tools may add; it holds no data
                if (!current.EndsWith(Extension, StringComparison.Ordinal))
                    throw new NpyFormatException(sourceName, current, "the entry is not a .npy file; an .npz archive holds only .npy entries");
                var name = current[..^Extension.Length];
                if (arrays.ContainsKey(name))
                    throw new NpyFormatException(sourceName, current, $"the archive holds two arrays named '{name}'");
                using var data = entry.Open();
                arrays.Add(name, NpyReader.Read(data, sourceName, current, entry.Length, requireEnd: true));
            }
        }
        catch (InvalidDataException e)
        {
            // System.IO.Compression reports a damaged archive (directory, headers, deflate data) this way.
            throw new NpyFormatException(sourceName, current, $"not a valid zip archive: {e.Message}", e);
        }
        return new ReadOnlyDictionary<string, NpyArray>(arrays);
    }

    /// <summary>Writes arrays to an .npz file atomically (a crash never leaves a partly written archive), each as float64.</summary>
    /// <param name="path">The archive to create or replace.</param>
    /// <param name="arrays">The arrays by name; each is stored as the entry <c>name.npy</c>.</param>
    /// <param name="compress">Deflate the entries (as <c>numpy.savez_compressed</c>) rather than store them (as <c>numpy.savez</c>).</param>
    /// <exception cref="ArgumentException">A name is empty or an array is null.</exception>
    public static void Write(string path, IReadOnlyDictionary<string, NpyArray> arrays, bool compress = false)
    {
        CheckArrays(arrays);
        using var file = AtomicFile.Create(path);
        Write(file.Stream, arrays, compress);
        file.Commit();
    }

    /// <summary>Writes arrays as an .npz archive into a stream (which is left open), each as float64.</summary>
    /// <param name="stream">A writable stream.</param>
    /// <param name="arrays">The arrays by name; each is stored as the entry <c>name.npy</c>.</param>
    /// <param name="compress">Deflate the entries (as <c>numpy.savez_compressed</c>) rather than store them (as <c>numpy.savez</c>).</param>
    /// <exception cref="ArgumentException">A name is empty or an array is null.</exception>
    public static void Write(Stream stream, IReadOnlyDictionary<string, NpyArray> arrays, bool compress = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        CheckArrays(arrays);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, array) in arrays)
        {
            var entry = zip.CreateEntry(name + Extension, compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            entry.LastWriteTime = Timestamp;
            using var data = entry.Open();
            NpyWriter.Write(data, array.Data, [.. array.Shape]);
        }
    }

    private static void CheckArrays(IReadOnlyDictionary<string, NpyArray> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        foreach (var (name, array) in arrays)
        {
            if (string.IsNullOrEmpty(name))
                throw new ArgumentException("An array name is empty.", nameof(arrays));
            if (array is null)
                throw new ArgumentException($"The array '{name}' is null.", nameof(arrays));
        }
    }
}
