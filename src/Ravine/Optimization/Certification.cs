using static System.FormattableString;

namespace Ravine.Optimization;

/// <summary>Decides whether a run's stop is a certified minimum (<see cref="MinimizeResult.Converged"/>) and, when not, says why.</summary>
internal static class Certification
{
    // A zero or small gradient and f ≤ the method's f* are only necessary conditions: with f* known the gap decides.
    public static (bool Converged, string? Why) Certify(StopReason reason, MinimizeOptions options, double value, double startValue, double optimalValue)
    {
        if (reason is StopReason.GapTolerance or StopReason.TargetValue) return (true, null);
        if (!reason.IsConvergence()) return (false, null);
        if (double.IsNaN(optimalValue))
            return reason == StopReason.GradientTolerance
                ? (true, null)
                : (false, "f* is unknown, so this is not certified as a minimum (set MinimizeOptions.OptimalValue).");
        double gap = value - optimalValue;
        double tolerance = options.OptimalityTolerance
            ?? (options.GapTolerance > 0 ? options.GapTolerance : 1e-10 * Math.Max(1, Math.Abs(startValue - optimalValue)));
        return gap <= tolerance
            ? (true, null)
            : (false, Invariant($"Not converged: f − f* = {gap:g6} > {tolerance:g3} (a saddle, a non-global minimum, or an f* set too high)."));
    }
}
