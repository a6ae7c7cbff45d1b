namespace Ravine.Cli.Experiments;

/// <summary>
/// A run's ravine diagnostics in brief (see docs/DIAGNOSTICS.md): the last growth-order estimate and the medians over
/// its epochs. In the run's summary JSON, the reports' table and the console.
/// </summary>
/// <param name="EpochsEstimated">Epochs with a growth-order estimate.</param>
/// <param name="GrowthOrder">The last estimate of p in f − f* ~ dist^p.</param>
/// <param name="EstimatedFrom"><c>distance</c> or <c>long steps</c>: what the estimates were fitted to.</param>
/// <param name="MedianContraction">The median factor by which the distance shrank per epoch; NaN when none was estimated.</param>
/// <param name="MedianGradientShare">The median share of ‖∇f‖² along the last long step's direction; NaN when none was observed.</param>
public sealed record RunDiagnostics(int EpochsEstimated, double GrowthOrder, string EstimatedFrom, double MedianContraction, double MedianGradientShare)
{
    /// <summary>The diagnostics of <paramref name="run"/>; null when it has no epoch with an estimate (methods without long steps).</summary>
    public static RunDiagnostics? From(ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var estimated = run.Epochs.Where(e => double.IsFinite(e.GrowthOrder)).ToArray();
        if (estimated.Length == 0) return null;
        var last = estimated[^1];
        return new RunDiagnostics(estimated.Length, last.GrowthOrder, last.FromDistance ? "distance" : "long steps",
            FiniteMedian(estimated.Select(e => e.Contraction)), FiniteMedian(run.Epochs.Select(e => e.GradientShare)));
    }

    // The median of the finite values (epochs without an estimate are NaN), NaN when there are none.
    private static double FiniteMedian(IEnumerable<double> values) => Compare.Quartiles.Of(values.Where(double.IsFinite)).Median;
}
