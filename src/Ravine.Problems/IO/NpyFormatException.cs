namespace Ravine.IO;

/// <summary>
/// A .npy source could not be read: it is malformed, truncated, or uses a feature Ravine does not support
/// (another dtype, three or more dimensions, a newer format version). This is the only exception the readers throw
/// for bad content; I/O failures (a missing file, a denied permission) keep their own <see cref="IOException"/> types.
/// The message names the source and the exact problem, e.g.
/// <c>data/A.npy: unsupported dtype '&lt;f2'; supported: &lt;f8, &gt;f8, &lt;f4, &gt;f4, &lt;i8, &gt;i8, &lt;i4, &gt;i4</c>.
/// </summary>
public sealed class NpyFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file (or stream name) being read, when known.</param>
    /// <param name="problem">What is wrong, in a sentence without the source name.</param>
    /// <param name="inner">The lower-level exception that revealed the problem, if any.</param>
    public NpyFormatException(string? path, string problem, Exception? inner = null)
        : base($"{path ?? "(unnamed stream)"}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file (or stream name) being read, or null for an unnamed stream.</summary>
    public string? Path { get; }

    /// <summary>The problem alone, without the source name.</summary>
    public string Problem { get; }
}
