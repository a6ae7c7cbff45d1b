namespace Ravine.Optimization;

/// <summary>
/// The stop criteria and recording settings shared by every method (in the spirit of Optim.jl's <c>Options</c>).
/// A criterion left at its default is off. Invalid values throw at construction, naming the setting.
/// </summary>
public sealed record MinimizeOptions
{
    /// <summary>The defaults: the method's own budget or <see cref="DefaultMaxIterations"/> iterations, trace recorded, divergence at 1e12·|f(x₀)|.</summary>
    public static MinimizeOptions Default { get; } = new();

    /// <summary>The iteration limit of a run that sets none and whose method has no budget of its own (see <see cref="MaxIterations"/>).</summary>
    public const long DefaultMaxIterations = 100_000;

    /// <summary>
    /// At most this many iterations (steps). Default (null): the method's own budget when it has one
    /// (<see cref="IMethod.PlannedSteps"/>, e.g. GDPolyak's epochs), otherwise <see cref="DefaultMaxIterations"/>, so that a
    /// forgotten limit cannot run on until memory runs out. Set <see cref="long.MaxValue"/> for no limit.
    /// </summary>
    public long? MaxIterations { get; init => field = value is long n ? Validate.AtLeast(n, 0L, nameof(MaxIterations)) : null; }

    /// <summary>At most this many oracle calls, counting the evaluation of the start. Default: unlimited.</summary>
    public long MaxOracleCalls { get; init => field = Validate.AtLeast(value, 0L, nameof(MaxOracleCalls)); } = long.MaxValue;

    /// <summary>Stop when f(x) − f* ≤ this (f* from <see cref="OptimalValue"/> or the objective). Default 0: off (a tolerance is active only when positive).</summary>
    public double GapTolerance { get; init => field = Validate.NonNegative(value, nameof(GapTolerance)); }

    /// <summary>
    /// Stop when f(x) − f* ≤ this · (f(x₀) − f*), f* as for <see cref="GapTolerance"/>: a gap tolerance in units of the
    /// start's gap (reported as <see cref="StopReason.GapTolerance"/>). Default 0: off.
    /// </summary>
    public double RelativeGapTolerance { get; init => field = Validate.NonNegative(value, nameof(RelativeGapTolerance)); }

    /// <summary>
    /// How close to f* a run must end for a stationary point, a small gradient or a reached f* to count as converged
    /// (see <see cref="MinimizeResult.Converged"/>). Default (null): <see cref="GapTolerance"/> when it is set, else
    /// 1e-10 · max(1, |f(x₀) − f*|).
    /// </summary>
    public double? OptimalityTolerance { get; init => field = value is double t ? Validate.NonNegative(t, nameof(OptimalityTolerance)) : null; }

    /// <summary>Stop when ‖∇f(x)‖ ≤ this. Default: off (an exactly zero gradient always stops the run as stationary).</summary>
    public double GradientTolerance { get; init => field = Validate.NonNegative(value, nameof(GradientTolerance)); }

    /// <summary>Stop when ‖∇f(x)‖ ≤ this · ‖∇f(x₀)‖. Default: off.</summary>
    public double RelativeGradientTolerance { get; init => field = Validate.NonNegative(value, nameof(RelativeGradientTolerance)); }

    /// <summary>Stop when f(x) ≤ this target. Default: −∞ (off).</summary>
    public double TargetValue { get; init => field = double.IsNaN(value) ? throw new ArgumentOutOfRangeException(nameof(TargetValue), value, "TargetValue must not be NaN.") : value; } = double.NegativeInfinity;

    /// <summary>Stop after this much wall-clock time. Default: unlimited.</summary>
    public TimeSpan TimeLimit { get; init => field = value <= TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(TimeLimit), value, "TimeLimit must be positive.") : value; } = TimeSpan.MaxValue;

    /// <summary>
    /// The run stops as diverged when f(x) &gt; f(x₀) + this · max(|f(x₀)|, <see cref="DivergenceScale"/>).
    /// Default 1e12; +∞ turns the test off.
    /// </summary>
    /// <remarks>
    /// |f(x₀)| alone is no scale when x₀ is next to a minimizer with f* = 0 (from f(x₀) = 9e-23, Barzilai–Borwein's
    /// first long step reached f = 1e-3 and came back on the next one, and Adam's first steps, of the size of its
    /// learning rate, did the same), nor when f(x₀) happens to be 0 on a function that takes both signs: hence the
    /// floor. A blow-up that overflows first stops as <see cref="StopReason.NonFiniteValue"/>; either way the best
    /// finite point is kept.
    /// </remarks>
    public double DivergenceFactor { get; init => field = value >= 1 && !double.IsNaN(value) ? value : throw new ArgumentOutOfRangeException(nameof(DivergenceFactor), value, "DivergenceFactor must be ≥ 1 (use +∞ to disable)."); } = 1e12;

    /// <summary>
    /// The least scale of f the divergence test uses, in the units of f (&gt; 0). Default 1: with the default factor a run
    /// from near 0 is diverged only past f = 10¹². Lower it for an objective whose values are all far below 1.
    /// </summary>
    public double DivergenceScale { get; init => field = Validate.PositiveFinite(value, nameof(DivergenceScale)); } = 1;

    /// <summary>f* for the gap column and <see cref="GapTolerance"/>. Default: the objective's, if it implements <see cref="Objectives.IKnowsOptimalValue"/>.</summary>
    public double? OptimalValue { get; init => field = value is double f ? Validate.Finite(f, nameof(OptimalValue)) : null; }

    /// <summary>
    /// A validation objective — typically the same loss on held-out data — to guard against fitting the training data
    /// beyond the truth. It is evaluated at the start, after every long step and every <see cref="ValidationInterval"/>
    /// iterations; its evaluations are counted in <see cref="MinimizeResult.ValidationEvaluations"/>, not in the oracle
    /// calls (its gradient is computed into scratch and ignored). With it: a long step that raises the validation loss
    /// is rolled back (<see cref="StepKind.Rejected"/>, note <c>validation</c>), the point of record
    /// (<see cref="MinimizeResult.X"/>) is the point of least validation loss, and <see cref="Patience"/> turns on early
    /// stopping. It must have the objective's dimension. Default: none.
    /// </summary>
    public Objectives.IObjective? Validation { get; init; }

    /// <summary>With <see cref="Validation"/>: evaluate it also every this many iterations (long steps always). Default 0: only at long steps.</summary>
    public int ValidationInterval { get; init => field = Validate.AtLeast(value, 0, nameof(ValidationInterval)); }

    /// <summary>
    /// With <see cref="Validation"/>: stop with <see cref="StopReason.EarlyStopping"/> after this many validation
    /// evaluations in a row without a new least validation loss; the result is the point of least validation loss.
    /// Default 0: no early stopping.
    /// </summary>
    public int Patience { get; init => field = Validate.AtLeast(value, 0, nameof(Patience)); }

    /// <summary>Record a trace row per iteration. Default: true.</summary>
    public bool RecordTrace { get; init; } = true;

    /// <summary>Record dist(x, S) in the trace when the objective knows it. Default: true.</summary>
    public bool RecordDistance { get; init; } = true;

    /// <summary>Called after every iteration; returning <see cref="ObserverAction.Stop"/> stops the run with <see cref="StopReason.Callback"/>.</summary>
    public IterationObserver? Observer { get; init; }

    /// <summary>Checked once per iteration; when triggered the run stops with <see cref="StopReason.Cancelled"/> and returns its result.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Every this many iterations, <see cref="CheckpointSink"/> receives a <see cref="RunCheckpoint"/>. Default 0: off.</summary>
    public int CheckpointInterval { get; init => field = Validate.AtLeast(value, 0, nameof(CheckpointInterval)); }

    /// <summary>Receives periodic checkpoints (see <see cref="CheckpointInterval"/>); the checkpoint is valid only during the call.</summary>
    public Action<RunCheckpoint>? CheckpointSink { get; init; }
}
