using static System.FormattableString;

namespace Ravine.Optimization;

/// <summary>
/// The outcome of a run: it answers the questions of scipy's <c>OptimizeResult</c> (x, fun, jac, nit, nfev, status,
/// message, success) and adds the final point, the longest step and the full trace.
/// </summary>
/// <remarks>
/// The point of record (<see cref="X"/>, <see cref="Value"/>, <see cref="Gradient"/>, <see cref="Gap"/>) is the best
/// point seen: the one with the smallest finite f, the earliest on ties (Optim.jl's <c>minimizer</c> and <c>minimum</c>).
/// With a validation objective (<see cref="MinimizeOptions.Validation"/>) it is instead the point of least validation
/// loss. A non-monotone method or a long last step can leave the last point well above it (GDPolyak's last Polyak step moves
/// along the ravine and may throw the point off it); the last point is <see cref="FinalX"/>, <see cref="FinalValue"/>.
/// </remarks>
public sealed class MinimizeResult
{
    internal MinimizeResult(string method, RunOutcome outcome, Point final, long iterations, long oracleCalls,
        StopReason reason, string message, bool converged, TimeSpan elapsed, double longestStep, double optimalValue, Trace trace,
        RunCheckpoint? checkpoint)
    {
        Checkpoint = checkpoint;
        Method = method; X = outcome.Best.X; Value = outcome.Best.Value; Gradient = outcome.Best.Gradient; BestIteration = outcome.BestIteration;
        ValidationValue = outcome.ValidationValue; ValidationEvaluations = outcome.ValidationEvaluations;
        FinalX = final.X; FinalValue = final.Value; FinalGradient = final.Gradient; Iterations = iterations;
        OracleCalls = oracleCalls; StopReason = reason; Message = message; Converged = converged; Elapsed = elapsed;
        LongestStep = longestStep; OptimalValue = optimalValue; Trace = trace;
    }

    internal readonly record struct Point(double[] X, double Value, double[] Gradient);

    /// <summary>The method's name.</summary>
    public string Method { get; }
    /// <summary>The point of record (scipy's <c>x</c>): the best point seen, see <see cref="BestX"/>.</summary>
    public double[] X { get; }
    /// <summary>f at <see cref="X"/> (scipy's <c>fun</c>): the smallest finite f seen (+∞ if none was finite).</summary>
    public double Value { get; }
    /// <summary>∇f at <see cref="X"/> (scipy's <c>jac</c>); NaN entries when no finite point was seen.</summary>
    public double[] Gradient { get; }
    /// <summary>‖∇f‖ at <see cref="X"/>.</summary>
    public double GradientNorm => Norm(Gradient);
    /// <summary>f(X) − f*, NaN when f* is unknown.</summary>
    public double Gap => Value - OptimalValue;
    /// <summary>The best point seen, the same as <see cref="X"/> (the start point when no finite f was seen).</summary>
    public double[] BestX => X;
    /// <summary>The smallest finite f seen, the same as <see cref="Value"/> (+∞ if none was finite).</summary>
    public double BestValue => Value;
    /// <summary>The best gap f(BestX) − f*, the same as <see cref="Gap"/>.</summary>
    public double BestGap => Gap;
    /// <summary>The iteration at which <see cref="X"/> was reached (0 = the start).</summary>
    public long BestIteration { get; }
    /// <summary>The last point evaluated, where the run stopped.</summary>
    public double[] FinalX { get; }
    /// <summary>f at <see cref="FinalX"/> (may be NaN or ±∞ after a failure stop).</summary>
    public double FinalValue { get; }
    /// <summary>∇f at <see cref="FinalX"/>.</summary>
    public double[] FinalGradient { get; }
    /// <summary>‖∇f‖ at <see cref="FinalX"/>.</summary>
    public double FinalGradientNorm => Norm(FinalGradient);
    /// <summary>f(FinalX) − f*, NaN when f* is unknown.</summary>
    public double FinalGap => FinalValue - OptimalValue;
    /// <summary>The number of iterations taken (scipy's <c>nit</c>).</summary>
    public long Iterations { get; }
    /// <summary>The number of oracle calls, each one f and one ∇f (scipy's <c>nfev</c> = <c>njev</c>).</summary>
    public long OracleCalls { get; }
    /// <summary>Why the run stopped (scipy's <c>status</c>).</summary>
    public StopReason StopReason { get; }
    /// <summary>A sentence that explains <see cref="StopReason"/> (scipy's <c>message</c>).</summary>
    public string Message { get; }
    /// <summary>
    /// What the method said about how it ran, as <see cref="Message"/> ends with it (for example that a given f* looked too
    /// low and an estimate replaced it); null when it said nothing.
    /// </summary>
    public string? Caveat { get; internal init; }
    /// <summary>What <see cref="Caveat"/> says about f*, as a kind (<see cref="OptimalValueDoubt.None"/> when nothing).</summary>
    public OptimalValueDoubt OptimalValueDoubt { get; internal init; }
    /// <summary>
    /// True when the run certifiably reached what was asked (scipy's <c>success</c>). The rule, by stop reason:
    /// <see cref="StopReason.GapTolerance"/> and <see cref="StopReason.TargetValue"/> (the user's own criteria) converge;
    /// <see cref="StopReason.Stationary"/>, <see cref="StopReason.GradientTolerance"/> and
    /// <see cref="StopReason.OptimalValueReached"/> converge only when f* is known and f − f* at the stop is within
    /// <see cref="MinimizeOptions.OptimalityTolerance"/> — a zero gradient at a saddle, or a Polyak run stopped by a
    /// too-high f*, is reported truthfully but is not a minimum. With f* unknown a small gradient converges (as in scipy),
    /// an exact stationary point or the method's own f* does not (nothing tells a minimum from a saddle). Every other
    /// reason, the method completing its budget included, is not convergence. <see cref="Message"/> says why not.
    /// </summary>
    public bool Converged { get; }
    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; }
    /// <summary>The largest stepsize taken (for GDPolyak: the longest Polyak step).</summary>
    public double LongestStep { get; }
    /// <summary>The f* used for gaps, NaN when unknown.</summary>
    public double OptimalValue { get; }
    /// <summary>
    /// The least validation loss seen (<see cref="MinimizeOptions.Validation"/>), at <see cref="X"/>; NaN without
    /// validation. With validation, <see cref="X"/> is the point of least validation loss, not of least f.
    /// </summary>
    public double ValidationValue { get; }

    /// <summary>How many times the validation objective was evaluated (not counted in <see cref="OracleCalls"/>).</summary>
    public long ValidationEvaluations { get; }

    /// <summary>The per-iteration trace (empty when recording was off).</summary>
    public Trace Trace { get; }

    /// <summary>
    /// The state at the stop, to continue with <see cref="Minimizer.Resume"/> (for example after a cancellation or
    /// with a larger budget). Null when the run ended in failure.
    /// </summary>
    public RunCheckpoint? Checkpoint { get; }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(g => g * g));

    /// <inheritdoc />
    public override string ToString() =>
        Invariant($"{Method}: {StopReason} after {Iterations} iterations, {OracleCalls} oracle calls; best f = {Value:g6} (iteration {BestIteration}), final f = {FinalValue:g6}. {Message}");
}
