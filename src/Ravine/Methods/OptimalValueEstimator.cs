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

    // f − f* ∝ (‖∇f‖²)^s on a ravine of growth order p has s = p/(2(p − 1)): ⅔ quartic, ¾ cubic, 1 quadratic, → ½ as
    // p → ∞. The fit is clamped to that range.
    private const double LeastExponent = 0.5, CubicExponent = 0.75, MostExponent = 1;
    // The ratio uses the fitted s once the last three fits agree within 0.05, none on a bound of the range. Otherwise it
    // uses s = 1, or ¾ right after f fell below the estimate. Fits scatter where ‖∇f‖² at the long-step points
    // scatters at nearly equal f (a valley whose curvatures spread, a ravine whose epochs are not monotone, a network),
    // and one fit there swings the gap estimate tenfold either way. s = 1 gives the smallest gap the range allows:
    // exact on quadratic growth and, with the factor θ, 0.6–1.1 times a quartic ravine's gap. f below the estimate
    // proves that gap too small, so the next one is read with the middle of the range.
    private const int AgreeingFits = 3;
    private const double FitAgreement = 0.05;
    // Growth is called degenerate (order above about 2.4) when the median of the last five fits is at most 0.85: single
    // fits scatter where epochs are not monotone, and the first ones are taken far from the ravine.
    private const int ExponentFits = 5;
    private const double DegenerateExponent = 0.85;

    private readonly OptimalValueEstimation _rule;
    private readonly bool _started;
    private double _estimate;
    private bool _hasAnchor, _hasPhaseAnchor;
    private double _anchorValue, _anchorG2, _phaseAnchorValue, _phaseAnchorG2;
    private double _bestValue = double.PositiveInfinity;
    private bool _hasPrevious;
    private double _previousValue, _previousG2;
    private readonly RecentValues _fits = new(ExponentFits);

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

    /// <summary>
    /// True once the growth fitted from the last long-step points is of order above about 2.4 (fourth-order, cubic, a
    /// sixth-order floor): there progress comes in epochs that end above their start, which the epoch test then allows
    /// within bounds. False on quadratic growth and before five fits.
    /// </summary>
    public bool DegenerateGrowth
    {
        get
        {
            if (_fits.Count < ExponentFits) return false;
            Span<double> sorted = stackalloc double[ExponentFits];
            _fits.Values.CopyTo(sorted);
            sorted.Sort();
            return sorted[ExponentFits / 2] <= DegenerateExponent;
        }
    }

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
        // Back at the anchor after a rolled-back epoch: the points of the phase that was undone say nothing about the
        // ravine from here, and the estimate raised for the rollback stands.
        if (_hasAnchor && value == _anchorValue && gradientNormSquared == _anchorG2)
        {
            _hasPhaseAnchor = false;
            return false;
        }
        if (_rule == OptimalValueEstimation.GradientRatio)
        {
            bool fellBelow = value < _estimate;
            if (_hasAnchor && _hasPrevious && FitExponent(_previousValue, _previousG2, _anchorValue, _anchorG2, value, gradientNormSquared) is double fit)
                _fits.Add(fit);
            double? fromEpochs = _hasAnchor ? Ratio(_anchorValue, _anchorG2, value, gradientNormSquared, fellBelow) : null;
            double? fromPhase = _hasPhaseAnchor ? Ratio(_phaseAnchorValue, _phaseAnchorG2, value, gradientNormSquared, fellBelow) : null;
            // Two long-step points straddle a long step: a large, well-measured contraction. The phase pair is the fallback
            // when the last epoch made no progress, and in the first epoch unless the user gave a start: then the first
            // long step is the user's.
            if (!_hasAnchor && _started) fromPhase = null;
            if ((fromEpochs ?? fromPhase) is double estimate) (_estimate, updated) = (estimate, true);
        }
        (_hasPrevious, _previousValue, _previousG2) = (_hasAnchor, _anchorValue, _anchorG2);
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
        _hasAnchor = _hasPhaseAnchor = _hasPrevious = false;
    }

    // f − f* = c(‖∇f‖²)^s at three long-step points u₀ > u₁ > u₂ (f falling) gives
    // (f₀ − f₁)/(f₁ − f₂) = (u₀^s − u₁^s)/(u₁^s − u₂^s), which rises with s: bisection on [½, 1], clamped there.
    private static double? FitExponent(double f0, double u0, double f1, double u1, double f2, double u2)
    {
        if (!(f0 > f1 && f1 > f2 && u0 > u1 && u1 > u2 && u2 > 0)) return null;
        double ratio = (f0 - f1) / (f1 - f2), a = u0 / u2, b = u1 / u2;
        double Model(double s) => (Math.Pow(a, s) - Math.Pow(b, s)) / (Math.Pow(b, s) - 1);
        double lo = LeastExponent, hi = MostExponent;
        if (!(ratio > Model(lo))) return lo;
        if (!(ratio < Model(hi))) return hi;
        for (int i = 0; i < 50; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Model(mid) < ratio) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    // The exponent the ratio uses (see AgreeingFits): the latest fit when the last three agree, else 1, or ¾ when f
    // has fallen below the estimate.
    private double RatioExponent(bool fellBelow)
    {
        double fallback = fellBelow ? CubicExponent : MostExponent;
        if (_fits.Count < AgreeingFits) return fallback;
        double least = MostExponent, most = LeastExponent;
        for (int back = 0; back < AgreeingFits; back++) (least, most) = (Math.Min(least, _fits.Back(back)), Math.Max(most, _fits.Back(back)));
        return most - least <= FitAgreement && least > LeastExponent && most < MostExponent ? _fits.Back(0) : fallback;
    }

    // f − f* = c(‖∇f‖²)^s at a and b gives f_b − f* = ρ(f_a − f_b)/(1 − ρ) with ρ = (‖∇f_b‖²/‖∇f_a‖²)^s.
    private double? Ratio(double fa, double g2a, double fb, double g2b, bool fellBelow)
    {
        if (!(fa > fb) || !(g2b < g2a) || !(g2b > 0)) return null;
        double rho = Math.Pow(g2b / g2a, RatioExponent(fellBelow));
        double gap = rho * (fa - fb) / (1 - rho);
        double estimate = fb - GapFactor * gap;
        return double.IsFinite(estimate) && gap > 0 ? estimate : null;
    }

    public Memory Save()
    {
        var (fits, fitCount) = _fits.Save();
        return new(_estimate, _hasAnchor, _anchorValue, _anchorG2, _hasPhaseAnchor, _phaseAnchorValue, _phaseAnchorG2, _bestValue,
            (double[])_startX.Clone(), (double[])_startGradient.Clone(), _startValue, _startG2, _hasPrevious, _previousValue, _previousG2, fits, fitCount);
    }

    public void Restore(Memory memory)
    {
        (_estimate, _hasAnchor, _anchorValue, _anchorG2) = (memory.Estimate, memory.HasAnchor, memory.AnchorValue, memory.AnchorGradientNormSquared);
        (_hasPhaseAnchor, _phaseAnchorValue, _phaseAnchorG2) = (memory.HasPhaseAnchor, memory.PhaseAnchorValue, memory.PhaseAnchorGradientNormSquared);
        _bestValue = memory.BestValue;
        // The start is kept only by the restarts rule; the other rules keep empty vectors.
        MethodStateEntry.Vector(memory.StartX, _startX, "startX");
        MethodStateEntry.Vector(memory.StartGradient, _startGradient, "startGradient");
        (_startValue, _startG2) = (memory.StartValue, memory.StartGradientNormSquared);
        (_hasPrevious, _previousValue, _previousG2) = (memory.HasPrevious, memory.PreviousValue, memory.PreviousGradientNormSquared);
        // A checkpoint written before the growth fit existed has no fits: the rule starts fitting afresh.
        _fits.Restore(memory.ExponentFits, memory.ExponentFitCount, "exponentFits", "exponentFitCount");
        foreach (double fit in _fits.Values)
            if (!(fit >= LeastExponent && fit <= MostExponent))
                throw new FormatException($"The saved method state has a growth exponent {fit} outside [{LeastExponent}, {MostExponent}].");
    }

    /// <summary>
    /// The estimate in force, the anchors the ratio rule compares with (long-step and phase), the best f seen, for the
    /// restarts rule the start to return to, and the growth fit: the long-step point before the anchor and the last fits.
    /// </summary>
    internal sealed record Memory(double Estimate, bool HasAnchor, double AnchorValue, double AnchorGradientNormSquared, bool HasPhaseAnchor,
        double PhaseAnchorValue, double PhaseAnchorGradientNormSquared, double BestValue, double[] StartX, double[] StartGradient,
        double StartValue, double StartGradientNormSquared, bool HasPrevious = false, double PreviousValue = 0, double PreviousGradientNormSquared = 0,
        double[]? ExponentFits = null, int ExponentFitCount = 0) : MethodMemory;
}
