using Ravine.Optimization;

namespace Ravine.Analysis;

/// <summary>
/// A run's ravine diagnostics in brief (see docs/DIAGNOSTICS.md): the last growth-order estimate and the medians over
/// its epochs. In the run's summary JSON, the reports' table and the console.
/// </summary>
/// <param name="EpochsEstimated">Epochs with a growth-order estimate.</param>
/// <param name="GrowthOrder">The median of the good estimates of p in f − f* ~ dist^p (see <see cref="From"/>); NaN when no ravine was detected.</param>
/// <param name="EstimatedFrom"><c>distance</c> or <c>long steps</c>: what the estimates were fitted to.</param>
/// <param name="MedianContraction">The median factor by which the distance shrank per epoch; NaN when none was estimated.</param>
/// <param name="MedianGradientShare">The median share of ‖∇f‖² along the last long step's direction; NaN when none was observed.</param>
/// <param name="EpochsWithGoodFit">Epochs whose estimate is a good fit (<see cref="IsGoodFit"/>); 0: no ravine was detected, and the growth order and contraction are NaN.</param>
public sealed record RunDiagnostics(int EpochsEstimated, double GrowthOrder, string EstimatedFrom, double MedianContraction, double MedianGradientShare, int EpochsWithGoodFit = 0)
{
    /// <summary>The least R² of a good fit: the log-space samples lie close to a line.</summary>
    public const double MinimumFitQuality = 0.99;

    /// <summary>The plausible growth orders: 2 (f is C², so it grows at most quadratically) to 8 (the test set's Cragg–Levy), each widened by 10 % for the fit's scatter.</summary>
    public const double LeastGrowthOrder = 1.8, GreatestGrowthOrder = 8.8;

    /// <summary>
    /// The largest contraction factor of a good fit: the distance must still shrink by 1 % per epoch. Where it stalls (at
    /// f's round-off floor) the gap still moves by its rounding, and the fit reads any slope into the noise (8.1 on
    /// quadratic sensing with f* estimated, R² above 0.99).
    /// </summary>
    public const double MaximumContraction = 0.99;

    /// <summary>True when a ravine was detected: some epoch's estimate is a good fit.</summary>
    public bool RavineDetected => EpochsWithGoodFit > 0;

    /// <summary>
    /// True when <paramref name="epoch"/>'s estimate can be trusted: fitted to a full window of
    /// <see cref="RavineDiagnostics.Window"/> epochs, with R² ≥ <see cref="MinimumFitQuality"/>, a growth order in
    /// [<see cref="LeastGrowthOrder"/>, <see cref="GreatestGrowthOrder"/>] and a contraction ≤ <see cref="MaximumContraction"/>. At f's round-off floor, where the distance
    /// stalls, or far from any ravine the fits measure noise (119.9 on teacher-student at its floor, −1.8 on
    /// fashion-mnist) and fail this.
    /// </summary>
    public static bool IsGoodFit(EpochDiagnostic epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        return epoch.Samples >= RavineDiagnostics.Window && epoch.FitQuality >= MinimumFitQuality
            && epoch.GrowthOrder is >= LeastGrowthOrder and <= GreatestGrowthOrder && epoch.Contraction <= MaximumContraction;
    }

    /// <summary>
    /// The diagnostics of a run whose epochs are <paramref name="epochs"/> (from <see cref="RavineDiagnostics.Epochs"/>);
    /// null when no epoch has an estimate (methods without long steps). The growth order and the contraction are the
    /// medians over the good fits (<see cref="IsGoodFit"/>), both NaN when no fit was good (no ravine detected): the
    /// median, not the last fit, since the fits drift as a run nears f's round-off floor (teacher-student: 3.00 for 30
    /// epochs, then 2.9, 2.7, 2.5 as the window takes in the floor).
    /// </summary>
    public static RunDiagnostics? From(IReadOnlyList<EpochDiagnostic> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var estimated = epochs.Where(e => double.IsFinite(e.GrowthOrder)).ToArray();
        if (estimated.Length == 0) return null;
        var good = estimated.Where(IsGoodFit).ToArray();
        var last = good.Length > 0 ? good[^1] : estimated[^1];
        return new RunDiagnostics(estimated.Length, FiniteMedian(good.Select(e => e.GrowthOrder)), last.FromDistance ? "distance" : "long steps",
            FiniteMedian(good.Select(e => e.Contraction)), FiniteMedian(epochs.Select(e => e.GradientShare)), good.Length);
    }

    /// <summary>
    /// The diagnostics read off <paramref name="trace"/> alone, as <see cref="From"/> gives them; the gradient share
    /// needs the gradients, which a trace does not keep, so it is NaN.
    /// </summary>
    public static RunDiagnostics? Of(Trace trace)
    {
        var scan = new RavineDiagnostics();
        scan.Advance(trace);
        return From(scan.Epochs);
    }

    // The median of the finite values (epochs without an estimate are NaN), NaN when there are none; between the two
    // middle values it interpolates as NumPy's median does.
    internal static double FiniteMedian(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        int low = (sorted.Length - 1) / 2, high = sorted.Length / 2;
        return low == high ? sorted[low] : sorted[low] + 0.5 * (sorted[high] - sorted[low]);
    }
}
