using Ravine.Instances;

namespace Ravine.Problems;

/// <summary>
/// How one problem's instance is stored as a folder of .npy files: which files, loading them (with shape checks
/// across files) and saving an instance so that loading it back gives the same problem, bit for bit.
/// </summary>
public interface IInstanceFormat
{
    /// <summary>The problem's command-line name, as in <see cref="ProblemRegistry"/>.</summary>
    string Problem { get; }

    /// <summary>The files, required ones first.</summary>
    IReadOnlyList<InstanceFile> Files { get; }

    /// <summary>Loads an instance from <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="seed">Draws what an optional file would have given (the start when <c>x0.npy</c> is absent) as the generator does.</param>
    /// <exception cref="InstanceDataException">A file is missing, has the wrong shape for the others, or holds NaN or ±∞.</exception>
    /// <exception cref="IO.NpyFormatException">A file is not a valid, supported .npy file.</exception>
    ITestProblem Load(InstanceFolder folder, ulong seed);

    /// <summary>Saves <paramref name="problem"/> (an instance of this format's problem) into <paramref name="folder"/>, every file included.</summary>
    /// <exception cref="ArgumentException">The problem is not this format's problem.</exception>
    void Save(ITestProblem problem, InstanceFolder folder);
}

/// <summary>The typed base of the per-problem formats: checks the problem's type once, so each format saves its own type.</summary>
/// <typeparam name="TProblem">The problem class.</typeparam>
internal abstract class InstanceFormat<TProblem> : IInstanceFormat where TProblem : ITestProblem
{
    /// <inheritdoc />
    public abstract string Problem { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<InstanceFile> Files { get; }

    /// <inheritdoc />
    public abstract ITestProblem Load(InstanceFolder folder, ulong seed);

    /// <inheritdoc />
    public void Save(ITestProblem problem, InstanceFolder folder)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(folder);
        if (problem is not TProblem typed)
            throw new ArgumentException($"The {Problem} format cannot save a {problem.GetType().Name} ('{problem.Name}').", nameof(problem));
        Save(typed, folder);
    }

    /// <summary>Saves an instance of the problem, every file included.</summary>
    protected abstract void Save(TProblem problem, InstanceFolder folder);
}
