namespace Ravine.Optimization;

/// <summary>
/// The columns a method (or the run's bookkeeping) adds to its trace beyond the common ones (iteration, oracle calls,
/// f, gap, ‖∇f‖, stepsize, kind, distance, seconds). A method declares them with <see cref="IMethod.TraceColumns"/>, so
/// that a trace, and the CSV written from it, holds only what the method records: a gradient-descent trace has no
/// column of f* estimates that would be NaN on every row.
/// </summary>
[Flags]
public enum TraceColumns
{
    /// <summary>The common columns only.</summary>
    None = 0,

    /// <summary>Why the method took a step (<see cref="StepReport.Note"/>), the CSV's <c>note</c> column.</summary>
    Note = 1,

    /// <summary>The method's estimate of f* in force (<see cref="StepReport.OptimalValueEstimate"/>), the CSV's <c>fstar_estimate</c> column.</summary>
    OptimalValueEstimate = 2,

    /// <summary>
    /// The f the method predicted, before taking the step, for the point the step reaches
    /// (<see cref="StepReport.PredictedValue"/>), the CSV's <c>predicted_f</c> column; beside the row's f it shows how
    /// often the prediction was right.
    /// </summary>
    Prediction = 4,
}
