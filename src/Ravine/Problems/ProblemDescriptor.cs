namespace Ravine.Problems;

/// <summary>
/// A problem as the registry knows it: its command-line name, a one-line summary, a seeded generator and, where the
/// problem has one, the format of its instance folders (.npy files a user can bring). Nothing about any paper's
/// settings: those live with the experiments that used them.
/// </summary>
/// <param name="Name">The command-line name, e.g. <c>quadratic-sensing</c>.</param>
/// <param name="Summary">One line for help texts.</param>
/// <param name="Generate">Builds the instance of a seed (the same instance for the same seed on every machine).</param>
/// <param name="Format">How an instance is stored as a folder of .npy files; null when the problem has no data to bring.</param>
public sealed record ProblemDescriptor(string Name, string Summary, Func<ulong, ITestProblem> Generate, IInstanceFormat? Format = null)
{
    /// <summary>Where the problem is defined (a paper, a test collection), for reports and help.</summary>
    public string Source { get; init; } = "";

    /// <summary>
    /// True when the minimizers are degenerate (a singular Hessian, or a manifold of minimizers): the problems Ravine's
    /// methods are for. False for the controls with a nonsingular Hessian, where GD and L-BFGS should win.
    /// </summary>
    public bool Degenerate { get; init; } = true;

    /// <summary>
    /// True when the problem reads data that must be installed (a real data set) and a run costs minutes, not seconds:
    /// such problems run when named, and are left out of the default sets of commands that run every problem.
    /// </summary>
    public bool NeedsExternalData { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
