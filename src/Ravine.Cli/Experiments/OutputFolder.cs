namespace Ravine.Cli.Experiments;

/// <summary>
/// An output folder (or file) checked before any work: made if missing, then written to once, so that a folder that
/// cannot be made or written fails in a second with its name, not after minutes of computing with the name of a
/// temporary file.
/// </summary>
internal static class OutputFolder
{
    /// <summary>Makes <paramref name="folder"/> (and its parents) if missing and checks that a file can be written in it.</summary>
    /// <returns>The folder's full path.</returns>
    /// <exception cref="OutputFolderException">A file is in its place or in the place of a parent, a name is too long,
    /// or the system refuses to make or write it; the message names the folder and says which.</exception>
    public static string Prepare(string folder)
    {
        string full = FullPath(folder);
        if (File.Exists(full))
            throw new OutputFolderException(full, "a file is in the way: this must be a folder");
        string probe = Path.Combine(full, $".ravine-write-check.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(full);
            // Making the folder is not enough: a read-only folder or file system only refuses the first file.
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the system's exception inside: its message names the probe file, which would only confuse.
            throw new OutputFolderException(full, Reason(full, e).Replace(probe, full, StringComparison.Ordinal));
        }
        return full;
    }

    /// <summary>Checks that the file <paramref name="file"/> can be written: its folder is made and writable, and no folder is in its place.</summary>
    /// <returns>The file's full path.</returns>
    /// <exception cref="OutputFolderException">It names a folder, or its folder cannot be made or written.</exception>
    public static string PrepareFile(string file)
    {
        string full = FullPath(file);
        if (Directory.Exists(full) || file.EndsWith(Path.DirectorySeparatorChar) || file.EndsWith(Path.AltDirectorySeparatorChar))
            throw new OutputFolderException(Path.TrimEndingDirectorySeparator(full), "names a folder; this option takes a file name, e.g. " + Path.Combine(full, "timings.json"));
        Prepare(Path.GetDirectoryName(full)!);
        return full;
    }

    private static string FullPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputFolderException(path, $"not a usable path ({e.Message})");
        }
    }

    private static string Reason(string folder, Exception e)
    {
        // The system's messages name the file it failed on, often a parent or the probe; say what a user can act on.
        for (string? parent = Path.GetDirectoryName(folder); parent is not null; parent = Path.GetDirectoryName(parent))
            if (File.Exists(parent))
                return $"cannot be made: {parent} is a file, not a folder";
        if (e is PathTooLongException || Path.GetFileName(folder).Length > 255 || folder.Length >= 4096
            || folder.Split(Path.DirectorySeparatorChar).Any(name => System.Text.Encoding.UTF8.GetByteCount(name) > 255))
            return $"cannot be made: the path ({folder.Length} characters) or a name in it is too long for the file system (at most 255 bytes per name)";
        if (e is UnauthorizedAccessException)
            return "cannot be made or written: permission denied";
        return $"cannot be made or written: {e.Message}";
    }
}

/// <summary>
/// An output folder or file that cannot be used; the message is one line naming it. An <see cref="ArgumentException"/>,
/// since the folder is an argument of the command: the command line exits 2 without having computed anything.
/// </summary>
public sealed class OutputFolderException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The folder or file.</param>
    /// <param name="problem">What is wrong, in a sentence without the path.</param>
    public OutputFolderException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
    }

    /// <summary>The folder or file at fault (full path where it could be made one).</summary>
    public string Path { get; }
}
