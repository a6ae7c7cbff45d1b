namespace Ravine.IO;

/// <summary>
/// Reads and writes NumPy <c>.npy</c> files (format versions 1.0, 2.0 and 3.0). The reader accepts float64, float32,
/// int64 and int32 elements, little or big endian, in C or Fortran order, with 0, 1 or 2 dimensions, and returns
/// doubles in row-major order. The writer writes little-endian float64 in C order, version 1.0, byte for byte as
/// <c>numpy.save</c> does. Bad or unsupported content throws <see cref="NpyFormatException"/> and nothing else.
/// </summary>
public static class Npy
{
    /// <summary>Reads the array in a .npy file. The file must hold exactly one array: bytes after its data are rejected.</summary>
    /// <param name="path">The file to read.</param>
    /// <exception cref="NpyFormatException">The file is not a valid .npy file, or uses an unsupported dtype, version or rank.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static NpyArray Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return NpyReader.Read(stream, path, requireEnd: true);
    }

    /// <summary>
    /// Reads one array from a stream and leaves the stream right after its data (NumPy allows several arrays saved
    /// one after another into one file). Sizes are checked against the stream's length when it can seek; otherwise
    /// memory grows only as data actually arrives.
    /// </summary>
    /// <param name="stream">The stream, positioned at the magic string.</param>
    /// <param name="sourceName">A name for the stream in error messages (e.g. its file name).</param>
    /// <exception cref="NpyFormatException">The content is not a valid .npy array, or uses an unsupported dtype, version or rank.</exception>
    public static NpyArray Read(Stream stream, string? sourceName = null) => NpyReader.Read(stream, sourceName);

    /// <summary>Reads only the header of a .npy file: its element type, byte order, layout and shape, not its data.</summary>
    /// <param name="path">The file to read.</param>
    /// <exception cref="NpyFormatException">The file is not a valid .npy file, or uses an unsupported dtype, version or rank.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static NpyHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        return NpyReader.ReadHeader(stream, path).Header;
    }

    /// <summary>Writes an array to a .npy file atomically: a crash never leaves a partly written file at <paramref name="path"/>.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="data">The elements in row-major order.</param>
    /// <param name="shape">Zero (a scalar), one or two dimensions whose product is <c>data.Length</c>.</param>
    /// <exception cref="ArgumentException">The shape has more than two dimensions, a negative one, or does not match the data.</exception>
    public static void Write(string path, ReadOnlySpan<double> data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        NpyShape.Check(shape, data.Length);
        using var file = AtomicFile.Create(path);
        NpyWriter.Write(file.Stream, data, shape);
        file.Commit();
    }

    /// <summary>Writes an array to a .npy file atomically, as float64 whatever its source dtype.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="array">The array.</param>
    public static void Write(string path, NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        Write(path, array.Data, [.. array.Shape]);
    }

    /// <summary>Writes an array in .npy format at the stream's current position.</summary>
    /// <param name="stream">A writable stream.</param>
    /// <param name="data">The elements in row-major order.</param>
    /// <param name="shape">Zero (a scalar), one or two dimensions whose product is <c>data.Length</c>.</param>
    /// <exception cref="ArgumentException">The shape has more than two dimensions, a negative one, or does not match the data.</exception>
    public static void Write(Stream stream, ReadOnlySpan<double> data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        NpyWriter.Write(stream, data, shape);
    }
}
