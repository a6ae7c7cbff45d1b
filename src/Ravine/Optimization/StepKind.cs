namespace Ravine.Optimization;

/// <summary>What kind of step produced a trace row.</summary>
public enum StepKind : byte
{
    /// <summary>The starting point (row 0), or a row after which no step was taken.</summary>
    Start,
    /// <summary>A short step: constant-stepsize gradient step (or another method's ordinary step).</summary>
    Short,
    /// <summary>A long step: a Polyak step (f − f*)/‖∇f‖².</summary>
    Long,
    /// <summary>A long step that was skipped because f − f* ≤ 0 (never taken backwards); the iterate did not move.</summary>
    Skipped,
    /// <summary>
    /// A long step rolled back by GDPolyak's safeguard or by the validation loss: the iterate is back at the
    /// point the long step left from, with its f and ∇f kept (no oracle call). The row's stepsize is the rejected step's
    /// when it was judged at once (it blew up), 0 when it was judged by the epoch it started.
    /// </summary>
    Rejected,
}
