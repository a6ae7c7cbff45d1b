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
}
