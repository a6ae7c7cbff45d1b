namespace Ravine.IO;

/// <summary>
/// An IDX file (the format of MNIST and Fashion-MNIST) could not be read: bad magic, an unsupported element type, a
/// header whose sizes do not match the bytes, or a damaged gzip stream. The message names the file and the problem.
/// I/O failures (a missing file) keep their own <see cref="IOException"/> types.
/// </summary>
internal sealed class IdxFormatException(string path, string problem, Exception? inner = null)
    : Exception($"{path}: {problem}", inner)
{
    /// <summary>The file being read.</summary>
    public string Path { get; } = path;
}
