using System.Globalization;
using Ravine.Analysis;
using Ravine.Cli.Experiments;

namespace Ravine.Cli.Output;

/// <summary>The ravine-diagnostics table of the reports: one row per run with epochs (see docs/DIAGNOSTICS.md).</summary>
internal static class DiagnosticRows
{
    public const string Explanation =
        "Per epoch, fitted over the last five epochs at the points the long steps left from: the growth order p in f − f* ~ dist^p " +
        "(4 on a quartic ravine, 3 on the single neuron, 2 where f is strongly convex), the factor by which the distance shrinks per epoch, " +
        "and the share of ‖∇f‖² after each long step along that step's direction. Methods without epochs of short steps then a long step have none.";

    public static readonly string[] Header =
        ["problem", "method", "epochs estimated", "growth order (median of good fits)", "estimated from", "median contraction", "median gradient share"];

    public static IEnumerable<string[]> Rows(IEnumerable<RunRecord> runs) =>
        runs.Select(run => (run, diagnostics: RunDiagnostics.From(run.Epochs))).Where(r => r.diagnostics is not null).Select(r => Row(r.run, r.diagnostics!));

    private static string[] Row(RunRecord run, RunDiagnostics d) =>
    [
        run.Key.Problem, run.MethodName, Numbers.Integer(d.EpochsEstimated), d.RavineDetected ? d.GrowthOrder.ToString("0.00", CultureInfo.InvariantCulture) : "no ravine detected",
        d.EstimatedFrom, Fixed(d.MedianContraction), Numbers.Sci(d.MedianGradientShare),
    ];

    private static string Fixed(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
