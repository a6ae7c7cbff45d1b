using Ravine.IO;

namespace Ravine.Instances;

/// <summary>
/// A folder of .npy files holding one problem instance. Reading checks what every problem needs — the file exists,
/// has the expected number of dimensions and only finite entries — and reports a failure as an
/// <see cref="InstanceDataException"/> naming the file; shape checks across files go through <see cref="Expect"/>.
/// Writing is atomic per file (see <see cref="Npy.Write(string, ReadOnlySpan{double}, int[])"/>).
/// </summary>
public sealed class InstanceFolder
{
    /// <summary>Opens a folder for reading or writing; it is not touched until a file is read or written.</summary>
    /// <param name="path">The folder.</param>
    public InstanceFolder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
    }

    /// <summary>The folder as given.</summary>
    public string Path { get; }

    /// <summary>The path of a file in the folder, as error messages name it.</summary>
    public string FilePath(string file) => System.IO.Path.Combine(Path, file);

    /// <summary>Whether the folder holds <paramref name="file"/>.</summary>
    public bool Contains(string file) => File.Exists(FilePath(file));

    /// <summary>
    /// Reads a required array with <paramref name="rank"/> dimensions (1: a vector, 2: a matrix) and only finite entries.
    /// </summary>
    /// <exception cref="InstanceDataException">The folder or file is missing, or the array has the wrong rank or a non-finite entry.</exception>
    /// <exception cref="NpyFormatException">The file is not a valid, supported .npy file.</exception>
    public NpyArray Read(string file, int rank)
    {
        if (!Directory.Exists(Path))
            throw new InstanceDataException(Path, "no such folder");
        if (!Contains(file))
            throw new InstanceDataException(FilePath(file), "missing; the instance folder must hold it");
        NpyArray array;
        try
        {
            array = Npy.Read(FilePath(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InstanceDataException(FilePath(file), $"cannot be read: {e.Message}");
        }
        if (array.Rank != rank)
            throw new InstanceDataException(FilePath(file),
                $"{array.Rank}-D array of shape {Format(array.Shape)}, expected a {rank}-D array ({(rank == 1 ? "a vector" : "a matrix")})");
        var data = array.Data;
        for (int i = 0; i < data.Length; i++)
            if (!double.IsFinite(data[i]))
                throw new InstanceDataException(FilePath(file), $"entry {Index(array, i)} is {data[i]}; instance data must be finite");
        return array;
    }

    /// <summary>Reads an optional array (see <see cref="Read"/>), or returns null when the folder does not hold it.</summary>
    public NpyArray? ReadOptional(string file, int rank) => Contains(file) ? Read(file, rank) : null;

    /// <summary>
    /// Checks that <paramref name="array"/>, read from <paramref name="file"/>, has the shape <paramref name="expected"/>.
    /// </summary>
    /// <param name="file">The file the array came from.</param>
    /// <param name="array">The array.</param>
    /// <param name="expected">The shape it must have.</param>
    /// <param name="why">Why, naming the file(s) the expectation comes from, e.g. <c>one measurement per row of A.npy, which has shape (1000, 100)</c>.</param>
    /// <exception cref="InstanceDataException">The shapes differ.</exception>
    public void Expect(string file, NpyArray array, int[] expected, string why)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (!array.Shape.SequenceEqual(expected))
            throw new InstanceDataException(FilePath(file), $"shape {Format(array.Shape)}, expected {Format(expected)}: {why}");
    }

    /// <summary>Writes an array as <paramref name="file"/>, creating the folder if needed.</summary>
    public void Write(string file, ReadOnlySpan<double> data, params int[] shape)
    {
        Directory.CreateDirectory(Path);
        Npy.Write(FilePath(file), data, shape);
    }

    /// <summary>A shape in NumPy's notation: <c>(3,)</c>, <c>(2, 3)</c>.</summary>
    public static string Format(IReadOnlyList<int> shape) => NpyShape.Format(shape.ToArray());

    private static string Index(NpyArray array, int flat) =>
        array.Rank == 2 ? $"[{flat / array.Columns}, {flat % array.Columns}]" : $"[{flat}]";
}
