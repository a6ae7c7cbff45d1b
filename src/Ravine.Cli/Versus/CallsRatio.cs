using Ravine.Analysis;
using Ravine.Cli.Compare;
using Ravine.Cli.Experiments;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Cli.Versus;

/// <summary>
/// One comparison of <c>ravine versus</c> on one instance: the reference runs its budget; the target is its best gap
/// (or a given gap); the challenger runs until it reaches the target or has spent <see cref="CallsRatio.BudgetFactor"/>
/// times the reference's calls. The ratio is challenger calls / reference calls to the target (lower is better).
/// </summary>
/// <param name="Problem">The problem's name.</param>
/// <param name="Seed">The instance's seed.</param>
/// <param name="Target">The gap both had to reach.</param>
/// <param name="ReferenceCalls">The reference's oracle calls to the target (counting the start), or its whole run when it missed a given target.</param>
/// <param name="ChallengerCalls">The challenger's oracle calls to the target, or null if it missed.</param>
public sealed record CallsRatioRow(string Problem, ulong Seed, double Target, long ReferenceCalls, long? ChallengerCalls)
{
    /// <summary>Which challenger of the comparison this row is (0 for the first <c>--challenger</c>).</summary>
    public int Challenger { get; init; }

    /// <summary>False when the reference itself missed a given target within its budget: there is no ratio then.</summary>
    public bool ReferenceReached { get; init; } = true;

    /// <summary>The reference's smallest gap f − f* within its budget.</summary>
    public double ReferenceBestGap { get; init; }

    /// <summary>The challenger's smallest gap f − f* within its budget.</summary>
    public double ChallengerBestGap { get; init; }

    /// <summary>What the reference's run said about its f* (<see cref="MinimizeResult.OptimalValueDoubt"/>).</summary>
    public OptimalValueDoubt ReferenceDoubt { get; init; }

    /// <summary>What the challenger's run said about its f* (<see cref="MinimizeResult.OptimalValueDoubt"/>).</summary>
    public OptimalValueDoubt ChallengerDoubt { get; init; }

    /// <summary>How the challenger's long-step forecasts matched their outcomes (<see cref="ForecastRecord"/>); null when its run made none.</summary>
    public ForecastRecord? ChallengerForecast { get; init; }

    /// <summary>The challenger's budget: <see cref="CallsRatio.BudgetFactor"/> times the reference's calls.</summary>
    public long ChallengerBudget => CallsRatio.BudgetFactor * ReferenceCalls;

    /// <summary>
    /// Challenger calls / reference calls; +∞ when the challenger missed the target, NaN when the reference missed it
    /// (nothing to compare with).
    /// </summary>
    public double Ratio => !ReferenceReached ? double.NaN : ChallengerCalls is long c ? (double)c / ReferenceCalls : double.PositiveInfinity;
}

/// <summary>Runs the comparisons of <c>ravine versus</c> on problems × seeds, on every core, each run on its own instance.</summary>
public static class CallsRatio
{
    /// <summary>How many times the reference's calls the challenger may spend before it counts as missing the target.</summary>
    public const int BudgetFactor = 4;

    /// <summary>One instance to compare on: the problem, the seed, and whether its standard start is perturbed (<see cref="SeededStart"/>).</summary>
    public sealed record Instance(string Problem, ulong Seed, bool PerturbStart);

    /// <summary>
    /// Every problem × seed, in that order, as <c>ravine compare</c> draws them: a problem whose start depends on the
    /// seed (the paper's) is <c>Generate(seed)</c>; one with a standard start keeps it for the first seed and starts
    /// elsewhere in the same region for every other seed, so that each seed is a run of its own.
    /// </summary>
    public static IReadOnlyList<Instance> Instances(IReadOnlyList<string> problems, IReadOnlyList<ulong> seeds)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0) return [];
        return problems.Select(ProblemRegistry.Find).SelectMany(p =>
        {
            var perturbed = SeededStart.PerturbedStarts(p, seeds[0]);
            return seeds.Select((s, i) => new Instance(p.Name, s, perturbed(i)));
        }).ToArray();
    }

    /// <summary>Every instance of <see cref="Instances"/>, compared: per instance one row per challenger, in their order.</summary>
    /// <param name="reference">The reference method.</param>
    /// <param name="challengers">The challengers, each measured against the same reference run.</param>
    /// <param name="problems">Problem names.</param>
    /// <param name="seeds">Seeds.</param>
    /// <param name="target">A gap to reach, or null for the reference's best gap.</param>
    /// <param name="maxCalls">The reference's budget in oracle calls, or null for the run's own budget (the paper's epochs on its problems).</param>
    /// <param name="cancellationToken">Stops the comparisons not yet started.</param>
    public static IReadOnlyList<CallsRatioRow> Run(Contender reference, IReadOnlyList<Contender> challengers, IReadOnlyList<string> problems,
        IReadOnlyList<ulong> seeds, double? target, long? maxCalls = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(challengers);
        return RunScheduler.Run(Instances(problems, seeds), Environment.ProcessorCount,
            (instance, _) => Compare(reference, challengers, instance.Problem, instance.Seed, target, maxCalls, instance.PerturbStart),
            cancellationToken: cancellationToken).OfType<CallsRatioRow[]>().SelectMany(rows => rows).ToArray();
    }

    /// <summary>One comparison of one challenger; <paramref name="perturbStart"/> moves the instance's standard start as <see cref="SeededStart"/> says.</summary>
    public static CallsRatioRow Compare(Contender reference, Contender challenger, string problemName, ulong seed, double? target,
        long? maxCalls = null, bool perturbStart = false) =>
        Compare(reference, [challenger], problemName, seed, target, maxCalls, perturbStart)[0];

    /// <summary>One comparison of every challenger against one run of the reference, a row per challenger.</summary>
    public static CallsRatioRow[] Compare(Contender reference, IReadOnlyList<Contender> challengers, string problemName, ulong seed, double? target,
        long? maxCalls = null, bool perturbStart = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(challengers);
        var (problem, start) = SeededStart.Create(ProblemRegistry.Find(problemName), seed, perturbStart);
        var referenceRun = reference.For(problem, seed) with { Start = start };
        if (maxCalls is not null)
            // The calls are the budget then: no iteration limit may end the reference's run before them.
            referenceRun = referenceRun with { Budget = long.MaxValue };
        var first = Runner.Run(referenceRun with
        {
            Stops = options => options with { GapTolerance = target ?? 0, MaxOracleCalls = maxCalls ?? long.MaxValue, RecordDistance = false },
        }).Result;
        // A best gap below 0 is f* reached within round-off (f a few ulps under it): 0 is the goal then.
        double goal = target ?? Math.Max(first.BestGap, 0);
        long? reached = CallsTo(first.Trace, goal);
        long referenceCalls = reached ?? first.OracleCalls;
        return challengers.Select((challenger, i) =>
        {
            var second = Runner.Run(challenger.For(problem, seed) with
            {
                Start = start,
                Budget = long.MaxValue,
                Stops = options => options with { MaxOracleCalls = BudgetFactor * referenceCalls, GapTolerance = goal, RecordDistance = false },
            }).Result;
            return new CallsRatioRow(problem.Name, seed, goal, referenceCalls, CallsTo(second.Trace, goal))
            {
                Challenger = i,
                ReferenceReached = reached is not null,
                ReferenceBestGap = first.BestGap,
                ChallengerBestGap = second.BestGap,
                ReferenceDoubt = first.OptimalValueDoubt,
                ChallengerDoubt = second.OptimalValueDoubt,
                ChallengerForecast = ForecastRecord.Of(second.Trace),
            };
        }).ToArray();
    }

    // The first row at or below the goal; a GapTolerance of exactly 0 is off, so a goal of 0 is read from the trace too.
    private static long? CallsTo(Trace trace, double goal)
    {
        for (int i = 0; i < trace.Count; i++)
            if (trace.Gap[i] <= goal) return trace.OracleCalls[i];
        return null;
    }
}
