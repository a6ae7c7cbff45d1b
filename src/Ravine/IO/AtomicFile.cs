namespace Ravine.IO;

/// <summary>
/// A file written all or nothing: the content goes to a temporary file in the same folder, which <see cref="Commit"/>
/// flushes to disk and renames over the target in one step. Disposing without committing deletes the temporary
/// file, and a process killed half-way leaves the old target (or none) and at worst a stray hidden <c>.tmp</c>.
/// </summary>
internal sealed class AtomicFile : IDisposable
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

    public void Dispose()
    {
        if (_committed)
            return;
        _stream.Dispose();
        File.Delete(_temporary);
    }
}
