using System.Globalization;
using System.Text;
using Ravine.Cli.Compare;
using Ravine.IO;

namespace Ravine.Cli.Output;

/// <summary>
/// <c>runs.csv</c> (one row per run, every setting of a tuning grid included) and <c>summary.csv</c> (one row per
/// method × problem) of <c>ravine compare</c>. Doubles round-trip exactly; an empty cell is "not reached" or "none".
/// </summary>
internal static class CompareCsv
{
    public static string Runs(CompareAnalysis analysis, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var text = new StringBuilder();
        var header = new List<string> { "method", "problem", "seed_index", "seed", "setting", "reported", "dimension", "stop_reason", "oracle_calls", "seconds", "best_gap", "final_gap", "diverged" };
        foreach (double t in targets)
            header.AddRange([$"calls_to_{ProfileFigures.TargetText(t)}", $"seconds_to_{ProfileFigures.TargetText(t)}"]);
        header.AddRange(["train_accuracy", "test_accuracy"]);
        Line(text, header);
        foreach (var (run, reported) in analysis.AllRuns())
        {
            var row = new List<string>
            {
                run.Method, run.Problem, Int(run.SeedIndex), run.Seed.ToString(CultureInfo.InvariantCulture), run.Setting, reported ? "true" : "false",
                Int(run.Dimension), run.StopReason.ToString(), Int(run.OracleCalls), Real(run.Seconds), Real(run.BestGap), Real(run.FinalGap), run.Diverged ? "true" : "false",
            };
            for (int t = 0; t < targets.Count; t++)
                row.AddRange([run.CallsToTarget[t] is long c ? Int(c) : "", run.SecondsToTarget[t] is double s ? Real(s) : ""]);
            row.AddRange([Optional(run.TrainAccuracy), Optional(run.TestAccuracy)]);
            Line(text, row);
        }
        return text.ToString();
    }

    public static string Summary(IReadOnlyList<MethodProblemSummary> rows, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        var header = new List<string> { "method", "problem", "degenerate", "needs_tuning", "setting", "settings_tried", "runs" };
        foreach (string t in targets.Select(ProfileFigures.TargetText))
            header.AddRange([$"solved_{t}", $"success_rate_{t}", $"calls_median_{t}", $"calls_q1_{t}", $"calls_q3_{t}", $"seconds_median_{t}", $"seconds_q1_{t}", $"seconds_q3_{t}"]);
        header.AddRange(["best_gap_median", "best_gap_min", "diverged", "tuning_calls_median", "stop_reasons", "train_accuracy_median", "test_accuracy_median"]);
        Line(text, header);
        foreach (var r in rows)
        {
            var row = new List<string> { r.Method, r.Problem, r.Degenerate ? "true" : "false", r.NeedsTuning ?? "", r.Setting ?? "", Int(r.SettingsTried), Int(r.Runs) };
            foreach (var t in r.Targets)
                row.AddRange([Int(t.Solved), Real(t.SuccessRate), Real(t.Calls.Median), Real(t.Calls.Q1), Real(t.Calls.Q3), Real(t.Seconds.Median), Real(t.Seconds.Q1), Real(t.Seconds.Q3)]);
            row.AddRange([Real(r.BestGapMedian), Real(r.BestGapMin), Int(r.Diverged), Real(r.TuningCallsMedian), r.StopReasons,
                Optional(r.TrainAccuracyMedian), Optional(r.TestAccuracyMedian)]);
            Line(text, row);
        }
        return text.ToString();
    }

    private static string Optional(double? value) => value is double v ? Real(v) : "";

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Real(double value) => double.IsNaN(value) ? "" : RoundTripDouble.Format(value);

    private static void Line(StringBuilder text, IEnumerable<string> cells) =>
        text.AppendJoin(',', cells.Select(Quote)).Append('\n');

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
