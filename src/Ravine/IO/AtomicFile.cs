namespace Ravine.IO;

/// <summary>
/// A file written all or nothing: the content goes to a temporary file in the same folder, which <see cref="Commit"/>
/// flushes to disk and renames over the target in one step. Disposing without committing deletes the temporary
/// file, and a process killed half-way leaves the old target (or none) and at worst a stray hidden <c>.tmp</c>.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string _target;
    private readonly string _temporary;
    private readonly FileStream _stream;
    private bool _committed;

    private AtomicFile(string target, string temporary, FileStream stream)
    {
        _target = target;
        _temporary = temporary;
        _stream = stream;
    }

    /// <summary>Where to write the content.</summary>
    public Stream Stream => _stream;

    /// <summary>Starts writing <paramref name="path"/>; nothing is visible there until <see cref="Commit"/>.</summary>
    /// <exception cref="ArgumentException">The path is empty or names no file.</exception>
    public static AtomicFile Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        // The same folder, so the final move is a rename within one file system, never a copy.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        return new AtomicFile(target, temporary, stream);
    }

    /// <summary>Flushes the content to disk and replaces the target with it.</summary>
    public void Commit()
    {
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(_temporary, _target, overwrite: true);
        _committed = true;
    }

    /// <summary>Deletes the temporary file unless the content was committed.</summary>
    public void Dispose()
    {
        if (_committed)
            return;
        _stream.Dispose();
        File.Delete(_temporary);
    }

    /// <summary>Writes <paramref name="path"/> all or nothing with the content <paramref name="write"/> puts on the stream.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = Create(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as UTF-8 (no byte-order mark), all or nothing.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
            writer.Write(text);
        });
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, all or nothing.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = Create(path);
        file.Stream.Write(bytes);
        file.Commit();
    }

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
