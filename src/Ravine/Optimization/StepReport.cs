namespace Ravine.Optimization;

/// <summary>What a method's step did: the stepsize, its kind, and whether the run must stop after it.</summary>
public readonly record struct StepReport
{
    /// <summary>The stepsize used (0 when the iterate did not move).</summary>
    public double Stepsize { get; init; }

    /// <summary>The kind of step, recorded in the trace.</summary>
    public StepKind Kind { get; init; }

    /// <summary>If set, the run stops with this reason after the step is recorded.</summary>
    public StopReason? Stop { get; init; }

    /// <summary>Optional human-readable detail for <see cref="Stop"/>.</summary>
    public string? Message { get; init; }

    /// <summary>
    /// Why the method took this step, for the trace's <c>note</c> column (for example why an adaptive method ended a
    /// phase of short steps); null for an ordinary step. Recorded when the method declares
    /// <see cref="TraceColumns.Note"/>. Methods pass compile-time constant strings only, so setting it
    /// allocates nothing; it must not contain a comma, a quote or a line break (it is written to CSV as is).
    /// </summary>
    public string? Note { get; init; }

    /// <summary>
    /// The method's current estimate of f* when it estimates it (GDPolyak with f* unknown), for the trace's
    /// <c>fstar_estimate</c> column; null when the method uses a given f* or none. Recorded when the method declares
    /// <see cref="TraceColumns.OptimalValueEstimate"/>.
    /// </summary>
    public double? OptimalValueEstimate { get; init; }

    /// <summary>
    /// The f the method predicted for the point this step reaches, before taking it (GDPolyak's checked long step), for
    /// the trace's <c>predicted_f</c> column; null when the method made no prediction. Recorded when the method declares
    /// <see cref="TraceColumns.Prediction"/>.
    /// </summary>
    public double? PredictedValue { get; init; }

    /// <summary>False when the method declined to step at all: nothing is recorded and the run stops with <see cref="Stop"/>.</summary>
    public bool Taken { get; init; }

    /// <summary>A step that was taken (the iterate has moved and been evaluated, or deliberately stayed).</summary>
    public static StepReport Step(double stepsize, StepKind kind) => new() { Stepsize = stepsize, Kind = kind, Taken = true };

    /// <summary>No step: the run stops before anything changes.</summary>
    public static StepReport Halt(StopReason reason, string message) => new() { Kind = StepKind.Start, Stop = reason, Message = message, Taken = false };

    /// <summary>This step with <paramref name="note"/> in the trace's note column (see <see cref="Note"/>).</summary>
    public StepReport WithNote(string? note) => this with { Note = note };

    /// <summary>This step with <paramref name="estimate"/> as the f* estimate in force (see <see cref="OptimalValueEstimate"/>).</summary>
    public StepReport WithEstimate(double? estimate) => this with { OptimalValueEstimate = estimate };

    /// <summary>This step with <paramref name="predicted"/> as the f predicted for the point it reaches (see <see cref="PredictedValue"/>).</summary>
    public StepReport WithPrediction(double? predicted) => this with { PredictedValue = predicted };

    /// <summary>This step, after which the run stops with <paramref name="reason"/>.</summary>
    public StepReport ThenStop(StopReason reason, string message) => this with { Stop = reason, Message = message };
}
