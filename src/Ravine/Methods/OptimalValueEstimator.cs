using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// The f* estimate of GDPolyak's long steps when f* is unknown (see <see cref="OptimalValueEstimation"/>), shared by
/// <see cref="GdPolyak"/> and <see cref="AdaptiveGdPolyak"/>. It reads only f and ‖∇f‖² at points the method has
/// already evaluated: no oracle call, no allocation after construction.
/// </summary>
internal sealed class OptimalValueEstimator
{
    // f̂ = f_b − θ·e: over-estimating the gap 2–3x helped every published problem (prototype, ALGORITHMS.md); θ > 4 was erratic.
    private const double GapFactor = 2;

    private readonly OptimalValueEstimation _rule;
    private readonly bool _started;
    private double _estimate;
    private bool _hasAnchor, _hasPhaseAnchor;
    private double _anchorValue, _anchorG2, _phaseAnchorValue, _phaseAnchorG2;
    private double _bestValue = double.PositiveInfinity;

    // The restarts rule returns to x₀ with f and ∇f kept from the start: a restart costs no oracle call.
    private readonly double[] _startX, _startGradient;
    private double _startValue, _startG2;

    /// <param name="rule">The rule.</param>
    /// <param name="start">The starting estimate, or null.</param>
    /// <param name="x0">The run's evaluated start (on a resume the restored state replaces what is taken from it).</param>
    public OptimalValueEstimator(OptimalValueEstimation rule, double? start, Iterate x0)
    {
        _rule = rule;
        _started = start is not null;
        _estimate = start ?? (rule == OptimalValueEstimation.Restarts ? -Math.Max(Math.Abs(x0.Value), 1) : double.NaN);
        int n = rule == OptimalValueEstimation.Restarts ? x0.Dimension : 0;
        _startX = new double[n];
        _startGradient = new double[n];
        if (n > 0)
        {
            x0.X.CopyTo(_startX);
            x0.Gradient.CopyTo(_startGradient);
            (_startValue, _startG2) = (x0.Value, x0.GradientNormSquared);
        }
    }

    /// <summary>Moves <paramref name="iterate"/> back to x₀ (restarts rule), f and ∇f included, without an oracle call.</summary>
    public void ReturnToStart(Iterate iterate)
    {
        _startX.CopyTo(iterate.X);
        _startGradient.CopyTo(iterate.GradientStorage);
        (iterate.Value, iterate.GradientNormSquared) = (_startValue, _startG2);
    }

    /// <summary>The estimate in force; NaN before the ratio rule has one (then no long step is taken).</summary>
    public double Estimate => _estimate;

    /// <summary>The factor on every long step: the restarts rule halves them, as the authors' code does.</summary>
    public double StepFactor => _rule == OptimalValueEstimation.Restarts ? 0.5 : 1;

    /// <summary>
    /// A point of a short phase, from which a short step is about to be taken; <paramref name="index"/> counts the short
    /// steps of the phase before it (0 = the phase's first point). Points at powers of two are kept, so that at the
    /// phase's end the latest lies in its second half: late enough to be on the ravine, far enough from the end to differ.
    /// </summary>
    public void ObservePhasePoint(double value, double gradientNormSquared, int index)
    {
        if (value < _bestValue) _bestValue = value;
        if (index > 0 && (index & (index - 1)) == 0)
            (_hasPhaseAnchor, _phaseAnchorValue, _phaseAnchorG2) = (true, value, gradientNormSquared);
    }

    /// <summary>
    /// A point from which a long step would leave (a phase has ended): the ratio rule updates the estimate. True when
    /// it did (the points gave a usable ratio).
    /// </summary>
    public bool ObserveLongStepPoint(double value, double gradientNormSquared)
    {
        bool updated = false;
        if (value < _bestValue) _bestValue = value;
        if (_rule == OptimalValueEstimation.GradientRatio)
        {
            double? fromEpochs = _hasAnchor ? Ratio(_anchorValue, _anchorG2, value, gradientNormSquared) : null;
            double? fromPhase = _hasPhaseAnchor ? Ratio(_phaseAnchorValue, _phaseAnchorG2, value, gradientNormSquared) : null;
            // Two long-step points straddle a long step: a large, well-measured contraction. The phase pair is the fallback
            // when the last epoch made no progress, and in the first epoch unless the user gave a start: then the first
            // long step is the user's.
            if (!_hasAnchor && _started) fromPhase = null;
            if ((fromEpochs ?? fromPhase) is double estimate) (_estimate, updated) = (estimate, true);
        }
        (_hasAnchor, _anchorValue, _anchorG2) = (true, value, gradientNormSquared);
        _hasPhaseAnchor = false;
        return updated;
    }

    /// <summary>
    /// After a rolled-back long step from a point with value <paramref name="value"/>: the estimate rises so that the
    /// next long step from there is <paramref name="factor"/> times as long (a long step too long means f̂ too low).
    /// </summary>
    public void Raise(double value, double factor)
    {
        if (value - _estimate > 0) _estimate = value - factor * (value - _estimate);
    }

    /// <summary>The restarts rule's update at the end of a round: the estimate moves halfway to the best f seen.</summary>
    public void Restarted()
    {
        _estimate = 0.5 * (_bestValue + _estimate);
        _hasAnchor = _hasPhaseAnchor = false;
    }

    // f − f* = c‖∇f‖^{4/3} at a and b gives f_b − f* = ρ(f_a − f_b)/(1 − ρ) with ρ = (‖∇f_b‖²/‖∇f_a‖²)^{2/3}.
    private static double? Ratio(double fa, double g2a, double fb, double g2b)
    {
        if (!(fa > fb) || !(g2b < g2a) || !(g2b > 0)) return null;
        double rho = Math.Pow(g2b / g2a, 2.0 / 3);
        double gap = rho * (fa - fb) / (1 - rho);
        double estimate = fb - GapFactor * gap;
        return double.IsFinite(estimate) && gap > 0 ? estimate : null;
    }

    public Memory Save() => new(_estimate, _hasAnchor, _anchorValue, _anchorG2, _hasPhaseAnchor, _phaseAnchorValue, _phaseAnchorG2, _bestValue,
        (double[])_startX.Clone(), (double[])_startGradient.Clone(), _startValue, _startG2);

    public void Restore(Memory memory)
    {
        (_estimate, _hasAnchor, _anchorValue, _anchorG2) = (memory.Estimate, memory.HasAnchor, memory.AnchorValue, memory.AnchorGradientNormSquared);
        (_hasPhaseAnchor, _phaseAnchorValue, _phaseAnchorG2) = (memory.HasPhaseAnchor, memory.PhaseAnchorValue, memory.PhaseAnchorGradientNormSquared);
        _bestValue = memory.BestValue;
        // The start is kept only by the restarts rule; the other rules keep empty vectors.
        MethodStateEntry.Vector(memory.StartX, _startX, "startX");
        MethodStateEntry.Vector(memory.StartGradient, _startGradient, "startGradient");
        (_startValue, _startG2) = (memory.StartValue, memory.StartGradientNormSquared);
    }

    /// <summary>
    /// The estimate in force, the anchors the ratio rule compares with (long-step and phase), the best f seen and, for the
    /// restarts rule, the start to return to.
    /// </summary>
    internal sealed record Memory(double Estimate, bool HasAnchor, double AnchorValue, double AnchorGradientNormSquared, bool HasPhaseAnchor,
        double PhaseAnchorValue, double PhaseAnchorGradientNormSquared, double BestValue, double[] StartX, double[] StartGradient,
        double StartValue, double StartGradientNormSquared) : MethodMemory;
}
