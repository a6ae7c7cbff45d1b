namespace Ravine.IO;

/// <summary>
/// A .npy or .npz source could not be read: it is malformed, truncated, or uses a feature Ravine does not support
/// (another dtype, three or more dimensions, a newer format version). This is the only exception the readers throw
/// for bad content; I/O failures (a missing file, a denied permission) keep their own <see cref="IOException"/> types.
/// The message names the source and the exact problem, e.g.
/// <c>data/A.npy: unsupported dtype '&lt;f2'; supported: &lt;f8, &gt;f8, &lt;f4, &gt;f4, &lt;i8, &gt;i8, &lt;i4, &gt;i4</c>.
/// </summary>
public sealed class NpyFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file (or stream name) being read, when known.</param>
    /// <param name="entry">The entry inside an .npz archive, when the problem is in one.</param>
    /// <param name="problem">What is wrong, in a sentence without the source name.</param>
    /// <param name="inner">The lower-level exception that revealed the problem, if any.</param>
    public NpyFormatException(string? path, string? entry, string problem, Exception? inner = null)
        : base($"{Describe(path, entry)}: {problem}", inner)
    {
        Path = path;
        Entry = entry;
        Problem = problem;
    }

    /// <summary>The file (or stream name) being read, or null for an unnamed stream.</summary>
    public string? Path { get; }

    /// <summary>The .npz entry (e.g. <c>A.npy</c>) in which the problem is, or null.</summary>
    public string? Entry { get; }

    /// <summary>The problem alone, without the source name.</summary>
    public string Problem { get; }

    private static string Describe(string? path, string? entry) =>
        (path ?? "(unnamed stream)") + (entry is null ? "" : $" (entry '{entry}')");
}
