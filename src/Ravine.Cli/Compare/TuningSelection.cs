namespace Ravine.Cli.Compare;

/// <summary>
/// Which setting of a tuning grid is "the best per problem": the one that reaches the tightest target on the most
/// seeds, then the next target, and so on; ties go to the lower median cost (oracle calls, failures +∞) at the tightest
/// target, then the next, then to the lower median best gap. Chosen on the seeds it is then reported on, as benchmarks
/// that tune per problem do; the price of that optimism is reported beside it (<see cref="TuningCalls"/>).
/// </summary>
internal static class TuningSelection
{
    /// <summary>The index of the best setting; <paramref name="runs"/> is [setting][seed].</summary>
    public static int Best(IReadOnlyList<IReadOnlyList<CompareRun>> runs, int targets)
    {
        ArgumentNullException.ThrowIfNull(runs);
        int best = 0;
        for (int s = 1; s < runs.Count; s++)
            if (Compare(runs[s], runs[best], targets) < 0) best = s;
        return best;
    }

    /// <summary>
    /// Per seed, the oracle calls the other settings of the grid spent on that seed's instance: the cost of finding
    /// the best setting, which <c>compare --tune</c> adds to the best setting's cost in the profiles.
    /// </summary>
    public static double[] TuningCalls(IReadOnlyList<IReadOnlyList<CompareRun>> runs, int chosen)
    {
        ArgumentNullException.ThrowIfNull(runs);
        int seeds = runs[chosen].Count;
        var calls = new double[seeds];
        for (int s = 0; s < runs.Count; s++)
            if (s != chosen)
                for (int k = 0; k < seeds; k++)
                    calls[k] += runs[s][k].OracleCalls;
        return calls;
    }

    // Negative when a is better than b.
    private static int Compare(IReadOnlyList<CompareRun> a, IReadOnlyList<CompareRun> b, int targets)
    {
        for (int t = targets - 1; t >= 0; t--)
        {
            int solved = Solved(b, t).CompareTo(Solved(a, t));
            if (solved != 0) return solved;
        }
        for (int t = targets - 1; t >= 0; t--)
        {
            int cost = MedianCost(a, t).CompareTo(MedianCost(b, t));
            if (cost != 0) return cost;
        }
        return Quartiles.Of(a.Select(r => r.BestGap)).Median.CompareTo(Quartiles.Of(b.Select(r => r.BestGap)).Median);
    }

    private static int Solved(IReadOnlyList<CompareRun> runs, int target) => runs.Count(r => r.CallsToTarget[target] is not null);

    private static double MedianCost(IReadOnlyList<CompareRun> runs, int target) => Quartiles.Of(runs.Select(r => r.Cost(target))).Median;
}
