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

    /// <summary>A point from which a long step would leave (a phase has ended): the ratio rule updates the estimate.</summary>
    public void ObserveLongStepPoint(double value, double gradientNormSquared)
    {
        if (value < _bestValue) _bestValue = value;
        if (_rule == OptimalValueEstimation.GradientRatio)
        {
            double? fromEpochs = _hasAnchor ? Ratio(_anchorValue, _anchorG2, value, gradientNormSquared) : null;
            double? fromPhase = _hasPhaseAnchor ? Ratio(_phaseAnchorValue, _phaseAnchorG2, value, gradientNormSquared) : null;
            // Two long-step points straddle a long step: a large, well-measured contraction. The phase pair is the fallback
            // when the last epoch made no progress, and in the first epoch unless the user gave a start: then the first
            // long step is the user's.
            if (!_hasAnchor && _started) fromPhase = null;
            if ((fromEpochs ?? fromPhase) is double estimate) _estimate = estimate;
        }
        (_hasAnchor, _anchorValue, _anchorG2) = (true, value, gradientNormSquared);
        _hasPhaseAnchor = false;
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

    public void Save(IDictionary<string, double[]> state, string prefix)
    {
        state[prefix + "Estimate"] = [_estimate];
        state[prefix + "Anchor"] = [_hasAnchor ? 1 : 0, _anchorValue, _anchorG2];
        state[prefix + "PhaseAnchor"] = [_hasPhaseAnchor ? 1 : 0, _phaseAnchorValue, _phaseAnchorG2];
        state[prefix + "BestValue"] = [_bestValue];
        if (_startX.Length > 0)
        {
            state[prefix + "StartX"] = (double[])_startX.Clone();
            state[prefix + "StartGradient"] = (double[])_startGradient.Clone();
            state[prefix + "Start"] = [_startValue, _startG2];
        }
    }

    public void Restore(IReadOnlyDictionary<string, double[]> state, string prefix)
    {
        _estimate = MethodStateEntry.ReadScalar(state, prefix + "Estimate");
        Span<double> anchor = stackalloc double[3];
        MethodStateEntry.ReadVector(state, prefix + "Anchor", anchor);
        (_hasAnchor, _anchorValue, _anchorG2) = (anchor[0] == 1, anchor[1], anchor[2]);
        MethodStateEntry.ReadVector(state, prefix + "PhaseAnchor", anchor);
        (_hasPhaseAnchor, _phaseAnchorValue, _phaseAnchorG2) = (anchor[0] == 1, anchor[1], anchor[2]);
        _bestValue = MethodStateEntry.ReadScalar(state, prefix + "BestValue");
        if (_startX.Length > 0)
        {
            MethodStateEntry.ReadVector(state, prefix + "StartX", _startX);
            MethodStateEntry.ReadVector(state, prefix + "StartGradient", _startGradient);
            Span<double> start = stackalloc double[2];
            MethodStateEntry.ReadVector(state, prefix + "Start", start);
            (_startValue, _startG2) = (start[0], start[1]);
        }
    }
}
