namespace Ravine.Cli.Compare;

/// <summary>One cell of a sweep: its setting and its runs (one per seed), with the numbers the heatmaps show.</summary>
/// <param name="X">The column index.</param>
/// <param name="Y">The row index.</param>
/// <param name="Setting">The method's settings in this cell.</param>
/// <param name="Runs">The finished runs, by seed.</param>
internal sealed record SweepCell(int X, int Y, MethodSetting Setting, IReadOnlyList<CompareRun> Runs)
{
    /// <summary>The median over seeds of the best gap reached.</summary>
    public double BestGap => Quartiles.Of(Runs.Select(r => r.BestGap)).Median;

    /// <summary>The median over seeds of the oracle calls to the target (+∞ when half the seeds or more missed it).</summary>
    public double Calls => Quartiles.Of(Runs.Select(r => r.Cost(0))).Median;

    /// <summary>Seeds that reached the target.</summary>
    public int Solved => Runs.Count(r => r.CallsToTarget[0] is not null);

    /// <summary>Seeds that diverged.</summary>
    public int Diverged => Runs.Count(r => r.Diverged);
}
