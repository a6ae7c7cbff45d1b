using static System.FormattableString;

namespace Ravine.Optimization;

/// <summary>The tests of <see cref="MinimizeOptions"/> that judge the current point by its f and ∇f alone.</summary>
internal static class StopCriteria
{
    /// <summary>Whether f or ∇f at <paramref name="iterate"/> is not finite: (reason, the first part of the message), or null.</summary>
    public static (StopReason Reason, string Message)? NonFinite(Iterate iterate, long iteration)
    {
        double f = iterate.Value;
        if (double.IsNaN(f) || double.IsInfinity(f))
            return (StopReason.NonFiniteValue, $"f = {f} at iteration {iteration}; the best finite point is kept.");
        if (!double.IsFinite(iterate.GradientNormSquared) && !AllFinite(iterate.Gradient))
            return (StopReason.NonFiniteGradient, $"The gradient has a non-finite entry at iteration {iteration}; the best finite point is kept.");
        return null;
    }

    /// <summary>Whether <paramref name="iterate"/> meets a tolerance or target (a convergence stop), or null.</summary>
    public static (StopReason Reason, string Message)? Reached(MinimizeOptions options, Iterate iterate, long iteration, double startValue, double startGradientNorm, double optimalValue)
    {
        double f = iterate.Value;
        double gnorm = iterate.GradientNorm;
        if (iterate.GradientNormSquared == 0 && AllZero(iterate.Gradient))
            return (StopReason.Stationary, $"∇f = 0 at iteration {iteration}: an exact stationary point.");
        if (options.GapTolerance > 0 && f - optimalValue <= options.GapTolerance)
            return (StopReason.GapTolerance, Invariant($"f − f* = {f - optimalValue:g6} ≤ {options.GapTolerance:g6}."));
        if (options.RelativeGapTolerance > 0 && f - optimalValue <= options.RelativeGapTolerance * (startValue - optimalValue))
            return (StopReason.GapTolerance, Invariant($"f − f* = {f - optimalValue:g6} ≤ {options.RelativeGapTolerance:g3} · (f(x₀) − f*) = {options.RelativeGapTolerance * (startValue - optimalValue):g6}."));
        if (f <= options.TargetValue)
            return (StopReason.TargetValue, Invariant($"f = {f:g6} ≤ target {options.TargetValue:g6}."));
        if (options.GradientTolerance > 0 && gnorm <= options.GradientTolerance)
            return (StopReason.GradientTolerance, Invariant($"‖∇f‖ = {gnorm:g6} ≤ {options.GradientTolerance:g6}."));
        if (options.RelativeGradientTolerance > 0 && gnorm <= options.RelativeGradientTolerance * startGradientNorm)
            return (StopReason.GradientTolerance, Invariant($"‖∇f‖ = {gnorm:g6} ≤ {options.RelativeGradientTolerance:g6} · ‖∇f(x₀)‖."));
        return null;
    }

    /// <summary>Whether f has risen past the divergence threshold: (reason, the first part of the message), or null.</summary>
    public static (StopReason Reason, string Message)? Diverged(MinimizeOptions options, double f, double startValue)
    {
        double threshold = startValue + options.DivergenceFactor * Math.Max(Math.Abs(startValue), options.DivergenceScale);
        return f > threshold
            ? (StopReason.Diverged, Invariant($"f = {f:g6} exceeds f(x₀) + {options.DivergenceFactor:g3} · max(|f(x₀)|, {options.DivergenceScale:g3}) = {threshold:g6}."))
            : null;
    }

    /// <summary>The stop of a run whose method declined to step (<see cref="StepReport.Taken"/> false).</summary>
    public static (StopReason Reason, string Message) Declined(StepReport report, Iterate iterate, double startGradientNorm) =>
        AtGradientFloor(report.Stop, iterate, startGradientNorm)
            ? (StopReason.WorkingPrecision, Invariant($"No further decrease at working precision: the line search found no f below {iterate.Value:g6} with ‖∇f‖ = {iterate.GradientNorm:g3}, {iterate.GradientNorm / startGradientNorm:g2} × ‖∇f(x₀)‖ (below √ε); f is at its round-off floor."))
            : (report.Stop ?? StopReason.MethodCompleted, report.Message ?? "The method stopped.");

    // A line search that finds no lower f once ‖∇f‖ has fallen below √ε·‖∇f(x₀)‖ has met f's rounding, not a bug:
    // the decrease a step could still give, about ‖∇f‖²/L, is then below the error of computing f (L-BFGS on
    // quadratic sensing stopped so at f = 1e-18 with ‖∇f‖ = 1e-13·‖∇f(x₀)‖). Far above it, a failing search means
    // the gradient does not match f.
    private static bool AtGradientFloor(StopReason? stop, Iterate iterate, double startGradientNorm) =>
        stop == StopReason.LineSearchFailed && iterate.GradientNorm <= RelativeGradientFloor * startGradientNorm;

    private static readonly double RelativeGradientFloor = Math.Sqrt(Math.BitIncrement(1.0) - 1.0);

    // ‖g‖² underflows to 0 for gradients near 1e-160 that are not zero; only an exact zero is stationary.
    private static bool AllZero(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
            if (v != 0) return false;
        return true;
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }
}
