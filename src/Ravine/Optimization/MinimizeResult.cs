namespace Ravine.Optimization;

/// <summary>
/// The outcome of a run: it answers the questions of scipy's <c>OptimizeResult</c> (x, fun, jac, nit, nfev, status,
/// message, success) and adds the best point seen, the longest step and the full trace.
/// </summary>
public sealed class MinimizeResult
{
    internal MinimizeResult(string method, double[] x, double value, double[] gradient, double[] bestX, double bestValue,
        long bestIteration, long iterations, long oracleCalls, StopReason reason, string message, TimeSpan elapsed,
        double longestStep, double optimalValue, Trace trace, RunCheckpoint? checkpoint)
    {
        Checkpoint = checkpoint;
        Method = method; X = x; Value = value; Gradient = gradient; BestX = bestX; BestValue = bestValue;
        BestIteration = bestIteration; Iterations = iterations; OracleCalls = oracleCalls; StopReason = reason;
        Message = message; Elapsed = elapsed; LongestStep = longestStep; OptimalValue = optimalValue; Trace = trace;
    }

    /// <summary>The method's name.</summary>
    public string Method { get; }
    /// <summary>The last point evaluated (scipy's <c>x</c>). After a failure stop (see <see cref="StopReasonExtensions.IsFailure"/>) use <see cref="BestX"/>.</summary>
    public double[] X { get; }
    /// <summary>f at <see cref="X"/> (scipy's <c>fun</c>).</summary>
    public double Value { get; }
    /// <summary>∇f at <see cref="X"/> (scipy's <c>jac</c>).</summary>
    public double[] Gradient { get; }
    /// <summary>‖∇f‖ at <see cref="X"/>.</summary>
    public double GradientNorm => Math.Sqrt(Gradient.Sum(g => g * g));
    /// <summary>The point with the smallest finite f seen during the run.</summary>
    public double[] BestX { get; }
    /// <summary>The smallest finite f seen (+∞ if none was finite).</summary>
    public double BestValue { get; }
    /// <summary>The iteration at which <see cref="BestValue"/> was seen.</summary>
    public long BestIteration { get; }
    /// <summary>The number of iterations taken (scipy's <c>nit</c>).</summary>
    public long Iterations { get; }
    /// <summary>The number of oracle calls, each one f and one ∇f (scipy's <c>nfev</c> = <c>njev</c>).</summary>
    public long OracleCalls { get; }
    /// <summary>Why the run stopped (scipy's <c>status</c>).</summary>
    public StopReason StopReason { get; }
    /// <summary>A sentence that explains <see cref="StopReason"/> (scipy's <c>message</c>).</summary>
    public string Message { get; }
    /// <summary>True when a tolerance, target or exact stationarity was met (scipy's <c>success</c>).</summary>
    public bool Converged => StopReason.IsConvergence();
    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; }
    /// <summary>The largest stepsize taken (for GDPolyak: the longest Polyak step).</summary>
    public double LongestStep { get; }
    /// <summary>The f* used for gaps, NaN when unknown.</summary>
    public double OptimalValue { get; }
    /// <summary>f(X) − f*, NaN when f* is unknown.</summary>
    public double Gap => Value - OptimalValue;
    /// <summary>The per-iteration trace (empty when recording was off).</summary>
    public Trace Trace { get; }

    /// <summary>
    /// The state at the stop, to continue with <see cref="Minimizer.Resume"/> (for example after a cancellation or
    /// with a larger budget). Null when the run ended in failure.
    /// </summary>
    public RunCheckpoint? Checkpoint { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Method}: {StopReason} after {Iterations} iterations, {OracleCalls} oracle calls; f = {Value:G6}, best f = {BestValue:G6}. {Message}";
}
