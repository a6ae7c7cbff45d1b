using Ravine.Cli.Paper;
using Ravine.Methods;
using Ravine.Problems;

namespace Ravine.Cli.Experiments;

/// <summary>
/// What to run: problems × methods from one seed, at the published settings (or, with <see cref="Quick"/>, at a
/// fifth of the epochs for a smoke test). Every method on a problem starts from the same seeded instance and start.
/// </summary>
public sealed record ExperimentPlan
{
    /// <summary>Problem names from <see cref="PublishedExperiments.Problems"/> (the problems the paper ran). Default: all of them.</summary>
    public IReadOnlyList<string> Problems { get; init; } = PublishedExperiments.Problems;

    /// <summary>Method names from <see cref="MethodRegistry.Names"/>. Default: the paper's GDPolyak, GD and Polyak.</summary>
    public IReadOnlyList<string> Methods { get; init; } = PublishedExperiments.Methods;

    /// <summary>The seed every instance is generated from. Default: the published 3407.</summary>
    public ulong Seed { get; init; } = PublishedExperiments.Seed;

    /// <summary>Run a fifth of the published epochs (at least 2): a smoke test, not a reproduction.</summary>
    public bool Quick { get; init; }

    /// <summary>How many runs may go at once (each on its own instance). Default: the processor count.</summary>
    public int MaxParallelRuns { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxParallelRuns), value, "MaxParallelRuns must be ≥ 1."); } = Environment.ProcessorCount;

    /// <summary>The settings a problem is run with under this plan: the published ones, or their quick cut.</summary>
    /// <exception cref="ArgumentException">The paper did not run that problem.</exception>
    public PublishedExperiment SettingsFor(string problem)
    {
        var published = PublishedExperiments.For(problem)
            ?? throw new ArgumentException($"The paper has no experiment on '{problem}'. Published: {string.Join(", ", PublishedExperiments.Problems)}.", nameof(problem));
        return Quick ? published.Quick() : published;
    }

    /// <summary>Every problem × method of the plan with canonical names, problem-major, in the given order.</summary>
    /// <exception cref="ArgumentException">The plan names an unknown problem or method.</exception>
    public IReadOnlyList<ExperimentKey> Keys()
    {
        Validate();
        return Problems.Select(p => Canonical(p, PublishedExperiments.Problems))
            .SelectMany(p => Methods.Select(m => new ExperimentKey(p, Canonical(m, MethodRegistry.Names)))).ToArray();
    }

    private static string Canonical(string name, IReadOnlyList<string> known) =>
        known.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Throws when a problem or method name is unknown, empty, or given twice.</summary>
    /// <exception cref="ArgumentException">The message names the bad entry and lists the known ones.</exception>
    public void Validate()
    {
        Check(Problems, PublishedExperiments.Problems, "problem");
        Check(Methods, MethodRegistry.Names, "method");
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
