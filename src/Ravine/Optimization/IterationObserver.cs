namespace Ravine.Optimization;

/// <summary>What an observer wants the run to do next.</summary>
public enum ObserverAction
{
    /// <summary>Go on.</summary>
    Continue,
    /// <summary>Stop now; the result reports <see cref="StopReason.Callback"/>.</summary>
    Stop,
}

/// <summary>Called after every iteration with a view of the run; must not keep the spans.</summary>
public delegate ObserverAction IterationObserver(in IterationInfo info);

/// <summary>A read-only view of one iteration, valid only during the observer call.</summary>
public readonly ref struct IterationInfo
{
    /// <summary>Creates the view.</summary>
    public IterationInfo(long iteration, long oracleCalls, double value, double gap, double gradientNorm, double stepsize,
        StepKind kind, TimeSpan elapsed, ReadOnlySpan<double> x, ReadOnlySpan<double> gradient)
    {
        Iteration = iteration; OracleCalls = oracleCalls; Value = value; Gap = gap; GradientNorm = gradientNorm;
        Stepsize = stepsize; Kind = kind; Elapsed = elapsed; X = x; Gradient = gradient;
    }

    /// <summary>The iteration number (0 = start).</summary>
    public long Iteration { get; }
    /// <summary>Oracle calls so far.</summary>
    public long OracleCalls { get; }
    /// <summary>f at the current point.</summary>
    public double Value { get; }
    /// <summary>f − f*, or NaN when f* is unknown.</summary>
    public double Gap { get; }
    /// <summary>‖∇f‖ at the current point.</summary>
    public double GradientNorm { get; }
    /// <summary>The stepsize of the step that led here.</summary>
    public double Stepsize { get; }
    /// <summary>The kind of that step.</summary>
    public StepKind Kind { get; }
    /// <summary>Wall-clock time since the run started.</summary>
    public TimeSpan Elapsed { get; }
    /// <summary>The current point.</summary>
    public ReadOnlySpan<double> X { get; }
    /// <summary>∇f at the current point.</summary>
    public ReadOnlySpan<double> Gradient { get; }
}
