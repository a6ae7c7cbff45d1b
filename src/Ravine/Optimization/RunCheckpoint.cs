namespace Ravine.Optimization;

/// <summary>
/// Everything needed to continue a run exactly where it stopped: the evaluated iterate, the counters, the best point,
/// the method's own state and the trace so far. <see cref="Minimizer.Resume"/> continues from it and produces the
/// same trace (but for the wall-clock column) as a run that was never interrupted.
/// </summary>
public sealed class RunCheckpoint
{
    /// <summary>The method's name, checked on resume.</summary>
    public required string Method { get; init; }
    /// <summary>The current point.</summary>
    public required double[] X { get; init; }
    /// <summary>f at <see cref="X"/>.</summary>
    public required double Value { get; init; }
    /// <summary>∇f at <see cref="X"/>.</summary>
    public required double[] Gradient { get; init; }
    /// <summary>Iterations taken so far.</summary>
    public required long Iteration { get; init; }
    /// <summary>Oracle calls made so far.</summary>
    public required long OracleCalls { get; init; }
    /// <summary>The best point so far.</summary>
    public required double[] BestX { get; init; }
    /// <summary>∇f at <see cref="BestX"/>; null in a checkpoint written before it was saved (the resumed result then has NaN there, unless the best point is the current one).</summary>
    public double[]? BestGradient { get; init; }
    /// <summary>The best value so far.</summary>
    public required double BestValue { get; init; }
    /// <summary>The iteration of the best value.</summary>
    public required long BestIteration { get; init; }
    /// <summary>The longest step so far.</summary>
    public required double LongestStep { get; init; }
    /// <summary>f(x₀), the reference of the divergence test.</summary>
    public required double StartValue { get; init; }
    /// <summary>‖∇f(x₀)‖, the reference of the relative gradient tolerance.</summary>
    public required double StartGradientNorm { get; init; }
    /// <summary>Wall-clock seconds spent before the checkpoint; the resumed run's clock continues from here.</summary>
    public required double ElapsedSeconds { get; init; }
    /// <summary>What the method remembers, as returned by <see cref="IMethodState.Save"/>.</summary>
    public required MethodMemory MethodState { get; init; }
    /// <summary>
    /// The run's bookkeeping beyond the method, by part: under <c>validation</c>, the best validation point and the
    /// patience count when the run has a validation objective (<see cref="MinimizeOptions.Validation"/>). Null when no part keeps any.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double[]>>? MonitorStates { get; init; }
    /// <summary>The trace so far. In a periodic checkpoint it is the live trace: serialize it during the callback.</summary>
    public required Trace Trace { get; init; }

    /// <summary>Throws when this checkpoint is not of the method <paramref name="method"/> or not of <paramref name="dimension"/> variables.</summary>
    internal void CheckFits(int dimension, string method)
    {
        if (Method != method)
            throw new ArgumentException($"The checkpoint is of method '{Method}', not '{method}'.", "checkpoint");
        if (X.Length != dimension || Gradient.Length != dimension || BestX.Length != dimension
            || BestGradient is { Length: var bestLength } && bestLength != dimension)
            throw new ArgumentException($"The checkpoint's point has length {X.Length} but the objective has dimension {dimension}.", "checkpoint");
    }
}
