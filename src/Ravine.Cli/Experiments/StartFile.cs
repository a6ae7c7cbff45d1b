using Ravine.Instances;
using Ravine.IO;
using Ravine.Problems;

namespace Ravine.Cli.Experiments;

/// <summary>
/// <c>ravine run --x0 FILE</c>: a start point of one's own, a .npy file of the problem's variables in any shape that
/// holds <see cref="IObjective.Dimension"/> numbers (read in C order, as <c>numpy.save</c> writes them; e.g. the d×k
/// factor of quadratic sensing, or the same numbers flattened).
/// </summary>
public static class StartFile
{
    /// <summary>Reads the start point for <paramref name="problem"/> from <paramref name="path"/>.</summary>
    /// <exception cref="InstanceDataException">The file is missing, holds the wrong number of values, or a NaN or ±∞; the message names the file and the expected shape.</exception>
    /// <exception cref="NpyFormatException">The file is not a valid, supported .npy file.</exception>
    public static double[] Read(string path, ITestProblem problem)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(problem);
        string expected = Expected(problem);
        if (Directory.Exists(path))
            throw new InstanceDataException(path, $"a folder, not a file; --x0 takes a .npy file of the start point, {expected}");
        if (!File.Exists(path))
            throw new InstanceDataException(path, $"no such file; --x0 takes a .npy file of the start point, {expected}");
        NpyArray array;
        try
        {
            array = Npy.Read(path);
        }
        catch (IOException e)
        {
            throw new InstanceDataException(path, $"cannot be read: {e.Message}");
        }
        if (array.Data.Length != problem.Dimension)
            throw new InstanceDataException(path, $"shape {InstanceFolder.Format(array.Shape)} holds {array.Data.Length} numbers; the start point of this {problem.Name} instance is {expected}");
        int bad = Array.FindIndex(array.Data, v => !double.IsFinite(v));
        if (bad >= 0)
            throw new InstanceDataException(path, $"entry {bad} (in C order) is {array.Data[bad]}; a start point must be finite");
        return array.Data;
    }

    /// <summary>The hash of the file a checkpoint stores, so that a resumed run refuses a start file changed since (see <see cref="DataFingerprint"/>).</summary>
    public static string Fingerprint(string path) => DataFingerprint.OfFile(path);

    /// <summary>Throws unless the file at <paramref name="path"/> still has the hash <paramref name="expected"/>.</summary>
    /// <exception cref="InstanceDataException">The file changed or is gone; the message names it.</exception>
    public static void Verify(string path, string expected)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new InstanceDataException(path, "was removed since the run began; a resumed run must start from the same --x0, so restore the file or start a new run");
        if (DataFingerprint.OfFile(path) != expected)
            throw new InstanceDataException(path, "changed (its hash differs) since the run began; a resumed run must start from the same --x0, so restore the file or start a new run");
    }

    private static string Expected(ITestProblem problem)
    {
        int[] shape = SolutionFiles.ShapeOf(problem);
        return shape.Length == 1
            ? $"shape ({problem.Dimension},)"
            : $"shape {InstanceFolder.Format(shape)} ({problem.Dimension} numbers, any shape that holds them)";
    }
}
