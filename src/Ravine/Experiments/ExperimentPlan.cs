using Ravine.Methods;
using Ravine.Problems;

namespace Ravine.Experiments;

/// <summary>
/// What to run: problems × methods from one seed, at the published settings (or, with <see cref="Quick"/>, at a
/// fifth of the epochs for a smoke test). Every method on a problem starts from the same seeded instance and start.
/// </summary>
public sealed record ExperimentPlan
{
    /// <summary>Problem names from <see cref="ProblemSuite.Names"/>. Default: all of them.</summary>
    public IReadOnlyList<string> Problems { get; init; } = ProblemSuite.Names;

    /// <summary>Method names from <see cref="MethodCatalog.Names"/>. Default: the paper's GDPolyak, GD and Polyak.</summary>
    public IReadOnlyList<string> Methods { get; init; } = MethodCatalog.PaperMethods;

    /// <summary>The seed every instance is generated from. Default: the published 3407.</summary>
    public ulong Seed { get; init; } = ProblemSuite.PublishedSeed;

    /// <summary>Run a fifth of the published epochs (at least 2): a smoke test, not a reproduction.</summary>
    public bool Quick { get; init; }

    /// <summary>How many runs may go at once (each on its own instance). Default: the processor count.</summary>
    public int MaxParallelRuns { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxParallelRuns), value, "MaxParallelRuns must be ≥ 1."); } = Environment.ProcessorCount;

    /// <summary>The settings a problem is run with under this plan: the published ones, or their quick cut.</summary>
    public PublishedSettings SettingsFor(ITestProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var published = problem.Published;
        return Quick ? published with { Epochs = Math.Max(2, published.Epochs / 5) } : published;
    }

    /// <summary>Every problem × method of the plan with canonical names, problem-major, in the given order.</summary>
    /// <exception cref="ArgumentException">The plan names an unknown problem or method.</exception>
    public IReadOnlyList<ExperimentKey> Keys()
    {
        Validate();
        return Problems.Select(p => Canonical(p, ProblemSuite.Names))
            .SelectMany(p => Methods.Select(m => new ExperimentKey(p, Canonical(m, MethodCatalog.Names)))).ToArray();
    }

    private static string Canonical(string name, IReadOnlyList<string> known) =>
        known.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Throws when a problem or method name is unknown, empty, or given twice.</summary>
    /// <exception cref="ArgumentException">The message names the bad entry and lists the known ones.</exception>
    public void Validate()
    {
        Check(Problems, ProblemSuite.Names, "problem");
        Check(Methods, MethodCatalog.Names, "method");
    }

    private static void Check(IReadOnlyList<string> names, IReadOnlyList<string> known, string what)
    {
        if (names is null || names.Count == 0)
            throw new ArgumentException($"No {what} given. Known: {string.Join(", ", known)}.");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in names)
        {
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"Unknown {what} '{name}'. Known: {string.Join(", ", known)}.");
            if (!seen.Add(name))
                throw new ArgumentException($"The {what} '{name}' is given twice.");
        }
    }
}
