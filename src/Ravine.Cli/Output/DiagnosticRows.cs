using System.Globalization;
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
        ["problem", "method", "epochs estimated", "final growth order", "estimated from", "median contraction", "median gradient share"];

    public static IEnumerable<string[]> Rows(IEnumerable<ExperimentRun> runs) =>
        runs.Where(r => r.Epochs.Any(e => double.IsFinite(e.GrowthOrder))).Select(Row);

    private static string[] Row(ExperimentRun run)
    {
        var estimated = run.Epochs.Where(e => double.IsFinite(e.GrowthOrder)).ToArray();
        var last = estimated[^1];
        return
        [
            run.Key.Problem, run.MethodName, Numbers.Integer(estimated.Length), last.GrowthOrder.ToString("0.00", CultureInfo.InvariantCulture),
            last.FromDistance ? "distance" : "long steps", Fixed(Median(estimated.Select(e => e.Contraction))),
            Numbers.Sci(Median(run.Epochs.Select(e => e.GradientShare))),
        ];
    }

    private static string Fixed(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The median of the finite values, NaN when there are none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
