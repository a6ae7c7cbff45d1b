using Ravine.Cli.Paper;
using Ravine.Cli.Experiments;

namespace Ravine.Cli.Output;

/// <summary>The results table every renderer shares (console, Markdown, HTML): one row per run, cells already formatted.</summary>
internal static class ResultRows
{
    public static readonly string[] Header =
        ["problem", "method", "stop reason", "iterations", "oracle calls", "best gap", "best gap at", "best distance", SingleNeuronSurrogate.ColumnTitle, "final distance", "longest step", "iterations to gap ≤ 1e-12", "wall time"];

    public static IEnumerable<string[]> Rows(IEnumerable<RunRecord> runs) => runs.Select(Row);

    public static string[] Row(RunRecord run) =>
    [
        run.Key.Problem, run.MethodName, run.Result.StopReason.ToString(), Numbers.Integer(run.Result.Iterations),
        Numbers.Integer(run.OracleCalls), Numbers.Sci(run.BestGap), Numbers.Integer(run.BestGapIteration), Numbers.Sci(run.BestDistance),
        double.IsNaN(run.PaperDistanceSurrogate) ? "—" : Numbers.Sci(run.PaperDistanceSurrogate), Numbers.Sci(run.FinalDistance),
        Numbers.Sci(run.LongestStep), run.IterationsToGap(1e-12) is int k ? Numbers.Integer(k) : "never", Numbers.Seconds(run.WallTime.TotalSeconds),
    ];

    public static readonly string[] SettingsHeader = ["problem", "η (short stepsize)", "K (short steps per epoch)", "epochs", "GDPolyak steps", "GD / Polyak steps", "seed"];

    /// <summary>One row per problem of a published experiment (runs of <c>run</c> have none).</summary>
    public static IEnumerable<string[]> SettingsRows(IEnumerable<RunRecord> runs) =>
        runs.Where(r => r.Published is not null).GroupBy(r => r.Key.Problem).Select(g => g.First()).Select(r => new[]
        {
            r.Key.Problem, Numbers.Plain(r.Published!.Stepsize), Numbers.Integer(r.Published.ShortSteps), Numbers.Integer(r.Published.Epochs),
            Numbers.Integer(r.Published.GdPolyakSteps), Numbers.Integer(r.Published.BaselineSteps),
            r.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public static readonly string[] ClaimHeader = ["problem", "claim", "verdict", "evidence"];

    public static IEnumerable<string[]> ClaimRows(IEnumerable<ClaimCheck> claims) =>
        claims.Select(c => new[] { c.Problem, $"{c.Number}. {c.Statement}", Verdict(c.Verdict), c.Evidence });

    public static string Verdict(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Pass => "PASS",
        ClaimVerdict.Fail => "FAIL",
        _ => "NOT CHECKED",
    };
}
