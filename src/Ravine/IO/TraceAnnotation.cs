namespace Ravine.IO;

/// <summary>
/// What a trace CSV row holds besides the minimizer's record: the ravine diagnostics of the epoch the row ends and the
/// accuracies measured at the row. Each is NaN (a blank cell) where it was not measured: the diagnostics are set on the
/// long-step rows only, the accuracies on the rows where they were sampled.
/// </summary>
/// <param name="GrowthOrder">The estimated growth order p in f − f* ~ dist^p.</param>
/// <param name="Contraction">The estimated factor by which the distance to the solutions shrinks per epoch.</param>
/// <param name="GradientShare">The share of ‖∇f‖² along the direction of the long step that led to the row.</param>
/// <param name="TrainAccuracy">The fraction of training examples classified correctly.</param>
/// <param name="TestAccuracy">The fraction of test examples classified correctly.</param>
public readonly record struct TraceAnnotation(double GrowthOrder, double Contraction, double GradientShare, double TrainAccuracy, double TestAccuracy)
{
    /// <summary>Nothing measured.</summary>
    public static TraceAnnotation None { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    // NaN ≠ NaN under ==, so "nothing measured" is decided cell by cell.
    /// <summary>True when no cell holds a measurement.</summary>
    public bool IsEmpty => double.IsNaN(GrowthOrder) && double.IsNaN(Contraction) && double.IsNaN(GradientShare)
        && double.IsNaN(TrainAccuracy) && double.IsNaN(TestAccuracy);
}
