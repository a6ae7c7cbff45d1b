using System.Globalization;
using Ravine.Cli.Compare;
using Ravine.Optimization;

namespace Ravine.Cli.Versus;

/// <summary>
/// What the rows of <c>ravine versus</c> add up to: the worst and median ratio over the instances where the reference
/// reached the target, how often the challenger missed it, and how often its run said its f* looks wrong.
/// </summary>
/// <param name="Instances">Rows compared.</param>
/// <param name="Worst">The row of the largest ratio, or null when no row has one.</param>
/// <param name="MedianRatio">The median ratio over the rows that have one (NaN when none does).</param>
/// <param name="Missed">Rows where the reference reached the target and the challenger missed it (within its budget).</param>
/// <param name="MissedFlagged">Of those, the rows where the challenger's run said its f* looks wrong or its estimate unreliable.</param>
/// <param name="Flagged">Rows where the challenger's run said so, missed or not.</param>
/// <param name="ReferenceMissed">Rows where the reference missed a given target (no ratio).</param>
/// <param name="ReferenceFlagged">Rows where the reference's run said its f* looks wrong or its estimate unreliable.</param>
public sealed record VersusSummary(int Instances, CallsRatioRow? Worst, double MedianRatio, int Missed, int MissedFlagged, int Flagged,
    int ReferenceMissed, int ReferenceFlagged)
{
    /// <summary>The summary of <paramref name="rows"/>.</summary>
    public static VersusSummary Of(IReadOnlyList<CallsRatioRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var compared = rows.Where(r => r.ReferenceReached).ToArray();
        var missed = compared.Where(r => r.ChallengerCalls is null).ToArray();
        return new(rows.Count, compared.MaxBy(r => r.Ratio), Quartiles.Of(compared.Select(r => r.Ratio)).Median,
            missed.Length, missed.Count(r => r.ChallengerDoubt != OptimalValueDoubt.None), rows.Count(r => r.ChallengerDoubt != OptimalValueDoubt.None),
            rows.Count - compared.Length, rows.Count(r => r.ReferenceDoubt != OptimalValueDoubt.None));
    }

    /// <summary>The short words of a table cell for what a run said about its f*: empty when nothing.</summary>
    public static string Label(OptimalValueDoubt doubt) => doubt switch
    {
        OptimalValueDoubt.TooLow => "f* too low",
        OptimalValueDoubt.TooHigh => "f* too high",
        OptimalValueDoubt.Unreliable => "estimate unreliable",
        OptimalValueDoubt.EstimateTooHigh => "estimate too high",
        _ => "",
    };

    /// <summary>A ratio as the table shows it: two decimals, ∞ for a miss, — where the reference missed.</summary>
    public static string Ratio(double ratio) =>
        double.IsNaN(ratio) ? "—" : double.IsInfinity(ratio) ? "∞" : ratio.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The closing lines under the table.</summary>
    public IEnumerable<string> Lines()
    {
        if (Instances == 0) yield break;
        yield return Worst is null
            ? $"No ratio: the reference missed the target on all {Instances} instances."
            : $"Worst ratio {Ratio(Worst.Ratio)} ({Worst.Problem}, seed {Worst.Seed}); median {Ratio(MedianRatio)} over {Instances - ReferenceMissed} instances.";
        string missed = $"Challenger missed {Missed} of {Instances - ReferenceMissed} ({MissedFlagged} said f* looks wrong); {Flagged} of {Instances} said f* looks wrong.";
        if (ReferenceMissed > 0) missed += $" The reference missed the target on {ReferenceMissed} more (no ratio there).";
        if (ReferenceFlagged > 0) missed += $" The reference said f* looks wrong on {ReferenceFlagged}.";
        yield return missed;
    }
}
