using System.Globalization;
using Ravine.Analysis;
using Ravine.Cli.Output;
using Ravine.Optimization;

namespace Ravine.Cli.Versus;

/// <summary>
/// The table of <c>ravine versus</c>, as a header and rows of cells: one row per instance, or with
/// <c>--per-problem</c> one row per problem. One challenger gets columns of its own (calls, ratio, what its run said);
/// several share the reference's run and get one column each per instance (calls, ratio and what it said, in one cell),
/// so that a sweep (a wrong f* by δ, one challenger per δ) reads as problems × δ.
/// </summary>
internal sealed record VersusTable(string[] Header, string[][] Cells)
{
    /// <summary>One row per instance; with <paramref name="forecast"/>, each challenger's long-step forecasts too (<see cref="ForecastCells"/>).</summary>
    public static VersusTable PerInstance(Contender reference, IReadOnlyList<Contender> challengers, IReadOnlyList<CallsRatioRow> rows, bool forecast = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(challengers);
        ArgumentNullException.ThrowIfNull(rows);
        var instances = rows.GroupBy(r => (r.Problem, r.Seed)).Select(g => g.OrderBy(r => r.Challenger).ToArray()).ToArray();
        // The reference's column of what it said about f* only when it said something: by default it knows f*.
        bool referenceSays = rows.Any(r => r.ReferenceDoubt != OptimalValueDoubt.None);
        string[] header = ["problem", "seed", "target gap", $"{reference.Text} calls"];
        header = challengers.Count == 1
            ? [.. header, $"{challengers[0].Text} calls", "ratio", $"{challengers[0].Text} says"]
            : [.. header, .. challengers.Select(c => c.Text)];
        if (referenceSays) header = [.. header, $"{reference.Text} says"];
        if (forecast) header = [.. header, .. ForecastHeader(challengers)];
        var cells = instances.Select(g =>
        {
            var first = g[0];
            string[] row = [first.Problem, first.Seed.ToString(CultureInfo.InvariantCulture), Numbers.Sci(first.Target),
                first.ReferenceReached ? Numbers.Integer(first.ReferenceCalls) : Missed(first.ReferenceCalls, first.ReferenceBestGap)];
            row = challengers.Count == 1
                ? [.. row, Calls(first), VersusSummary.Ratio(first.Ratio), VersusSummary.Label(first.ChallengerDoubt)]
                : [.. row, .. g.Select(r => $"{Calls(r)} ({VersusSummary.Ratio(r.Ratio)}) {VersusSummary.Label(r.ChallengerDoubt)}".TrimEnd())];
            if (referenceSays) row = [.. row, VersusSummary.Label(first.ReferenceDoubt)];
            return forecast ? [.. row, .. g.SelectMany(r => ForecastCells.Of(r.ChallengerForecast))] : row;
        }).ToArray();
        return new(header, cells);
    }

    /// <summary>
    /// One row per problem: how often the reference reached the target, and per challenger the median and worst ratio,
    /// the misses and what its runs said; with <paramref name="forecast"/>, its long-step forecasts over the seeds
    /// (<see cref="ForecastRecord.Combine"/>: counts added, the median over every measured step).
    /// </summary>
    public static VersusTable PerProblem(IReadOnlyList<Contender> challengers, IReadOnlyList<CallsRatioRow> rows, bool forecast = false)
    {
        ArgumentNullException.ThrowIfNull(challengers);
        ArgumentNullException.ThrowIfNull(rows);
        string[] columns = ["median ratio", "worst ratio", "missed", "said about f*"];
        string[] header = ["problem", "reference reached", .. challengers.Count == 1 ? columns : challengers.SelectMany(c => columns.Select(k => $"{c.Text}: {k}"))];
        if (forecast) header = [.. header, .. ForecastHeader(challengers)];
        var cells = rows.GroupBy(r => r.Problem).Select(problem =>
        {
            var first = problem.Where(r => r.Challenger == 0).ToArray();
            string[] row = [problem.Key, $"{first.Count(r => r.ReferenceReached)} of {first.Length}"];
            foreach (var one in problem.GroupBy(r => r.Challenger).OrderBy(g => g.Key))
            {
                var summary = VersusSummary.Of(one.ToArray());
                string said = string.Join(", ", one.Where(r => r.ChallengerDoubt != OptimalValueDoubt.None).GroupBy(r => r.ChallengerDoubt).OrderBy(g => g.Key)
                    .Select(g => $"{g.Count()} {VersusSummary.Label(g.Key)}"));
                row = [.. row, VersusSummary.Ratio(summary.MedianRatio), summary.Worst is null ? "—" : VersusSummary.Ratio(summary.Worst.Ratio),
                    summary.Missed.ToString(CultureInfo.InvariantCulture), said];
            }
            if (forecast)
                foreach (var one in problem.GroupBy(r => r.Challenger).OrderBy(g => g.Key))
                    row = [.. row, .. ForecastCells.Of(ForecastRecord.Combine(one.Select(r => r.ChallengerForecast)))];
            return row;
        }).ToArray();
        return new(header, cells);
    }

    // After every challenger's columns, as the per-problem columns are named: one challenger's plain, several prefixed.
    private static IEnumerable<string> ForecastHeader(IReadOnlyList<Contender> challengers) => challengers.Count == 1
        ? ForecastCells.Header.Select(k => $"forecast: {k}")
        : challengers.SelectMany(c => ForecastCells.Header.Select(k => $"{c.Text} forecast: {k}"));

    // Calls to the target, or the budget it missed in and the best gap it reached.
    private static string Calls(CallsRatioRow row) => row.ChallengerCalls is long c ? Numbers.Integer(c) : Missed(row.ChallengerBudget, row.ChallengerBestGap);

    private static string Missed(long calls, double bestGap) => $"missed in {Numbers.Integer(calls)} (best {Numbers.Sci(bestGap)})";
}
