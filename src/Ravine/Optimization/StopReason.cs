namespace Ravine.Optimization;

/// <summary>Why a run stopped. Always the true reason: a run that hit a limit never reports convergence.</summary>
public enum StopReason
{
    /// <summary>The iteration limit <see cref="MinimizeOptions.MaxIterations"/> was reached.</summary>
    MaxIterations,
    /// <summary>The oracle-call limit <see cref="MinimizeOptions.MaxOracleCalls"/> was reached.</summary>
    MaxOracleCalls,
    /// <summary>f(x) − f* ≤ <see cref="MinimizeOptions.GapTolerance"/>.</summary>
    GapTolerance,
    /// <summary>f(x) ≤ <see cref="MinimizeOptions.TargetValue"/>.</summary>
    TargetValue,
    /// <summary>‖∇f(x)‖ ≤ <see cref="MinimizeOptions.GradientTolerance"/> or ≤ <see cref="MinimizeOptions.RelativeGradientTolerance"/> · ‖∇f(x₀)‖.</summary>
    GradientTolerance,
    /// <summary>∇f(x) = 0 exactly: an exact stationary point (a minimum, or a saddle); no gradient method can move.</summary>
    Stationary,
    /// <summary>f(x) ≤ f* for the method's f*: the Polyak step is zero, so a pure Polyak method cannot move (never a step backwards).</summary>
    OptimalValueReached,
    /// <summary>The method finished its own budget (for GDPolyak: its number of epochs).</summary>
    MethodCompleted,
    /// <summary>The wall-clock limit <see cref="MinimizeOptions.TimeLimit"/> passed.</summary>
    TimeLimit,
    /// <summary>The cancellation token was triggered (for example by Ctrl+C in the CLI).</summary>
    Cancelled,
    /// <summary>The observer asked to stop.</summary>
    Callback,
    /// <summary>The objective returned NaN or ±∞ for f.</summary>
    NonFiniteValue,
    /// <summary>The objective returned NaN or ±∞ in a gradient entry.</summary>
    NonFiniteGradient,
    /// <summary>The method computed a non-finite stepsize (for example an overflowing long step); the step was not taken.</summary>
    NonFiniteStep,
    /// <summary>f grew beyond f(x₀) + <see cref="MinimizeOptions.DivergenceFactor"/> · max(|f(x₀)|, <see cref="MinimizeOptions.DivergenceScale"/>): a stepsize is too large (η, or a Polyak step's f* too low; the message says which was observed).</summary>
    Diverged,
    /// <summary>A line search found no acceptable step within its budget of trials, far from f's round-off floor (there it is <see cref="WorkingPrecision"/>): typically a gradient that does not match f.</summary>
    LineSearchFailed,
    /// <summary>The objective threw; this reason appears only on <see cref="ObjectiveException.PartialResult"/>.</summary>
    ObjectiveFailed,
    /// <summary>The validation loss (<see cref="MinimizeOptions.Validation"/>) did not improve for <see cref="MinimizeOptions.Patience"/> evaluations; the result is its best point.</summary>
    EarlyStopping,
    /// <summary>
    /// No further decrease is possible at working precision: a line search found no lower f where what it could still
    /// gain is below f's rounding — the first-order decrease it asked for is within a few ulps of |f|, or ‖∇f‖ has
    /// fallen below √ε·‖∇f(x₀)‖ (ε = 2⁻⁵², double precision). A success, like a tolerance reached; a line search that
    /// fails anywhere else stops as <see cref="LineSearchFailed"/>.
    /// </summary>
    WorkingPrecision,
}

/// <summary>Which stop reasons mean the run reached what was asked of it.</summary>
public static class StopReasonExtensions
{
    /// <summary>
    /// True for reasons that can certify a solution (a tolerance, target, exact stationarity or working precision was met). Necessary, not
    /// sufficient: <see cref="MinimizeResult.Converged"/> also checks the gap when f* is known.
    /// </summary>
    public static bool IsConvergence(this StopReason reason) => reason is
        StopReason.GapTolerance or StopReason.TargetValue or StopReason.GradientTolerance
        or StopReason.Stationary or StopReason.OptimalValueReached or StopReason.WorkingPrecision;

    /// <summary>True for reasons that signal numerical failure (non-finite values or divergence).</summary>
    public static bool IsFailure(this StopReason reason) => reason is
        StopReason.NonFiniteValue or StopReason.NonFiniteGradient or StopReason.NonFiniteStep or StopReason.Diverged or StopReason.ObjectiveFailed
        or StopReason.LineSearchFailed;
}
