using Ravine.Methods;
using Ravine.Problems;

namespace Ravine.Cli.Compare;

/// <summary>What <c>ravine compare</c> runs: methods × problems × seeds within one oracle-call budget per run.</summary>
internal sealed record ComparePlan
{
    /// <summary>The default target gaps f − f*, loosest first.</summary>
    public static IReadOnlyList<double> DefaultTargets { get; } = [1e-6, 1e-10, 1e-15];

    /// <summary>The default budget of every run, in oracle calls.</summary>
    public const long DefaultMaxCalls = 10_000;

    /// <summary>The default number of seeds per problem.</summary>
    public const int DefaultSeeds = 10;

    /// <summary>The problems of <c>--quick</c>: two of the paper's, one cheap and one large, and three of the external set, a control among them.</summary>
    public static IReadOnlyList<string> QuickProblems { get; } = ["quartic-rosenbrock", "quadratic-sensing", "singular-wood", "cragg-levy", "beale"];

    /// <summary>The seeds per problem of <c>--quick</c>.</summary>
    public const int QuickSeeds = 3;

    /// <summary>The methods, by registry name (default: every registered method).</summary>
    public IReadOnlyList<string> Methods { get; init; } = MethodRegistry.Names;

    /// <summary>The problems, by registry name (default: every registered problem that needs no installed data set).</summary>
    public IReadOnlyList<string> Problems { get; init; } = DefaultProblems;

    /// <summary>Every registered problem but those that need an installed data set (<see cref="ProblemDescriptor.NeedsExternalData"/>).</summary>
    public static IReadOnlyList<string> DefaultProblems { get; } = ProblemRegistry.All.Where(p => !p.NeedsExternalData).Select(p => p.Name).ToArray();

    /// <summary>The first seed; seed i is <c>FirstSeed + i</c>.</summary>
    public ulong FirstSeed { get; init; } = ProblemRegistry.DefaultSeed;

    /// <summary>Seeds per problem.</summary>
    public int Seeds { get; init; } = DefaultSeeds;

    /// <summary>Oracle calls per run.</summary>
    public long MaxCalls { get; init; } = DefaultMaxCalls;

    /// <summary>The target gaps, loosest first.</summary>
    public IReadOnlyList<double> Targets { get; init; } = DefaultTargets;

    /// <summary>When set, every method runs over <see cref="Grid"/> and the best setting per problem is reported.</summary>
    public TuningGrid? Grid { get; init; }

    /// <summary>Runs at once (default: one per processor).</summary>
    public int MaxParallelRuns { get; init; } = Environment.ProcessorCount;

    /// <summary>The target the console table shows: the middle one (1e-10 by default).</summary>
    public int HeadlineTarget => Targets.Count / 2;

    /// <summary>The seed of seed number <paramref name="index"/>.</summary>
    public ulong Seed(int index) => unchecked(FirstSeed + (ulong)index);

    /// <summary>Checks names and numbers.</summary>
    /// <exception cref="ArgumentException">An unknown name, a repeated one, or a value out of range.</exception>
    public void Validate()
    {
        foreach (string m in Methods) MethodRegistry.Find(m);
        foreach (string p in Problems) ProblemRegistry.Find(p);
        if (Methods.Count == 0) throw new ArgumentException("Give at least one method.", "methods");
        if (Problems.Count == 0) throw new ArgumentException("Give at least one problem.", "problems");
        if (Methods.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Methods.Count) throw new ArgumentException("A method is named twice.", "methods");
        if (Problems.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Problems.Count) throw new ArgumentException("A problem is named twice.", "problems");
        if (Seeds < 1) throw new ArgumentException($"--seeds must be at least 1, not {Seeds}.", "seeds");
        if (MaxCalls < 2) throw new ArgumentException($"--max-calls must be at least 2, not {MaxCalls}.", "max-calls");
        if (Targets.Count == 0 || Targets.Any(t => !(t > 0) || !double.IsFinite(t)))
            throw new ArgumentException("--targets takes positive numbers, e.g. 1e-6,1e-10,1e-15.", "targets");
    }
}
