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
/// <param name="ReferenceCalls">The reference's oracle calls to the target (counting the start).</param>
/// <param name="ChallengerCalls">The challenger's oracle calls to the target, or null if it missed.</param>
public sealed record CallsRatioRow(string Problem, ulong Seed, double Target, long ReferenceCalls, long? ChallengerCalls)
{
    /// <summary>Challenger calls / reference calls, +∞ when the challenger missed the target.</summary>
    public double Ratio => ChallengerCalls is long c ? (double)c / ReferenceCalls : double.PositiveInfinity;
}

/// <summary>Runs the comparisons of <c>ravine versus</c> on problems × seeds, on every core, each run on its own instance.</summary>
public static class CallsRatio
{
    /// <summary>How many times the reference's calls the challenger may spend before it counts as missing the target.</summary>
    public const int BudgetFactor = 4;

    /// <summary>Every problem × seed, in that order.</summary>
    /// <param name="reference">The reference method.</param>
    /// <param name="challenger">The challenger.</param>
    /// <param name="problems">Problem names.</param>
    /// <param name="seeds">Seeds.</param>
    /// <param name="target">A gap to reach, or null for the reference's best gap.</param>
    /// <param name="cancellationToken">Stops the comparisons not yet started.</param>
    public static IReadOnlyList<CallsRatioRow> Run(Contender reference, Contender challenger, IReadOnlyList<string> problems,
        IReadOnlyList<ulong> seeds, double? target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(challenger);
        var keys = problems.SelectMany(p => seeds.Select(s => (Problem: ProblemRegistry.Find(p).Name, Seed: s))).ToArray();
        return RunScheduler.Run(keys, Environment.ProcessorCount, (key, _) => Compare(reference, challenger, key.Problem, key.Seed, target),
            cancellationToken: cancellationToken).OfType<CallsRatioRow>().ToArray();
    }

    /// <summary>One comparison.</summary>
    public static CallsRatioRow Compare(Contender reference, Contender challenger, string problemName, ulong seed, double? target)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(challenger);
        var problem = ProblemRegistry.Generate(problemName, seed);
        var first = Runner.Run(reference.For(problem, seed) with
        {
            Stops = options => options with { GapTolerance = target ?? 0, RecordDistance = false },
        }).Result;
        // A best gap below 0 is f* reached within round-off (f a few ulps under it): 0 is the goal then.
        double goal = target ?? Math.Max(first.BestGap, 0);
        long referenceCalls = CallsTo(first.Trace, goal) ?? first.OracleCalls;
        var second = Runner.Run(challenger.For(problem, seed) with
        {
            Budget = long.MaxValue,
            Stops = options => options with { MaxOracleCalls = BudgetFactor * referenceCalls, GapTolerance = goal, RecordDistance = false },
        }).Result;
        return new CallsRatioRow(problem.Name, seed, goal, referenceCalls, CallsTo(second.Trace, goal));
    }

    // The first row at or below the goal; a GapTolerance of exactly 0 is off, so a goal of 0 is read from the trace too.
    private static long? CallsTo(Trace trace, double goal)
    {
        for (int i = 0; i < trace.Count; i++)
            if (trace.Gap[i] <= goal) return trace.OracleCalls[i];
        return null;
    }
}
