using Ravine.Instances;

namespace Ravine.Problems;

/// <summary>
/// The instance-folder format of every problem that has one (<see cref="ProblemDescriptor.Format"/>), by problem name:
/// loading a user's folder and saving a generated instance.
/// </summary>
public static class InstanceFormats
{
    /// <summary>Every format, in the order of <see cref="ProblemRegistry.All"/>.</summary>
    public static IReadOnlyList<IInstanceFormat> All { get; } = ProblemRegistry.All.Select(p => p.Format).OfType<IInstanceFormat>().ToArray();

    /// <summary>The format of the named problem.</summary>
    /// <exception cref="ArgumentException">No problem of that name has a folder format; the message lists those that do.</exception>
    public static IInstanceFormat Find(string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        foreach (var format in All)
            if (string.Equals(format.Problem, problem, StringComparison.OrdinalIgnoreCase))
                return format;
        throw new ArgumentException(
            $"Unknown problem '{problem}' for instance folders. Known problems: {string.Join(", ", All.Select(f => f.Problem))}.", nameof(problem));
    }

    /// <summary>Loads the named problem's instance from a folder of .npy files.</summary>
    /// <param name="problem">The problem name, e.g. <c>quadratic-sensing</c>.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="seed">Draws the start when the folder holds no <c>x0.npy</c> (where that file is optional).</param>
    /// <exception cref="ArgumentException">Unknown problem.</exception>
    /// <exception cref="InstanceDataException">A file is missing, has the wrong shape for the others, or holds NaN or ±∞;
    /// or the numbers are finite but so large that f or ∇f at the start is not (e.g. entries of 1e200, whose products overflow).</exception>
    /// <exception cref="IO.NpyFormatException">A file is not a valid, supported .npy file.</exception>
    public static ITestProblem Load(string problem, string folder, ulong seed = ProblemRegistry.DefaultSeed)
    {
        var instance = Find(problem).Load(new InstanceFolder(folder), seed);
        // Every entry is finite, yet f can still overflow: such data is as unusable as NaN in a file, and a run
        // started on it would stop at once as NonFiniteValue, looking like a failure of the method rather than of the data.
        var gradient = new double[instance.Dimension];
        double f = instance.Evaluate(instance.Start, gradient);
        if (!double.IsFinite(f))
            throw new InstanceDataException(folder, $"f(x0) is not finite with this data: f(x0) = {f}; its numbers are too large for double arithmetic, so rescale them");
        int bad = Array.FindIndex(gradient, g => !double.IsFinite(g));
        if (bad >= 0)
            throw new InstanceDataException(folder, $"∇f(x0) is not finite with this data: entry {bad} is {gradient[bad]}; its numbers are too large for double arithmetic, so rescale them");
        return instance;
    }

    /// <summary>Saves an instance into a folder of .npy files (created if needed), from which <see cref="Load"/> gives it back bit for bit.</summary>
    /// <exception cref="ArgumentException">The problem has no folder format.</exception>
    public static void Save(ITestProblem problem, string folder)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Find(problem.Name).Save(problem, new InstanceFolder(folder));
    }
}
