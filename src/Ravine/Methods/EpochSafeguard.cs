using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// The safeguarded long step of GDPolyak (fixed-K and adaptive). A long step that lands above f(x₀) or on a
/// non-finite value is undone at once, before the run's divergence test sees it, and the next long steps are
/// shortened by the minimizer of the quadratic through what was seen; each epoch that passes doubles them back, up to
/// full length, so no shortening is for good. While <see cref="JudgesEpochs"/> (f* estimated, or a given f* the run
/// has contradicted), a long step is also judged by the epoch it starts, not by f right after it (a good long step
/// often raises f at first: on quadratic sensing from 1e-20 to 1e-12, which the next short steps remove): f where the
/// next long step would leave from must be below f where this one left from. When it is not, the iterate returns to
/// the point before the long step (x, f and ∇f kept: no oracle call) and the caller raises its f* estimate. Then f at
/// the start of each accepted long step is strictly below f at the start of the previous one. Where the growth is
/// degenerate (see <see cref="OptimalValueEstimator.DegenerateGrowth"/>) the test is non-monotone, as in the
/// line search of Grippo, Lampariello and Lucidi: the epoch must end below the highest of the last ten accepted
/// starts, and never more than ten estimated gaps above its own start. A trusted f* is not judged by epochs: on
/// singular Wood a third of the epochs end above their start and the run still gains 270x.
/// </summary>
internal sealed class EpochSafeguard
{
    public enum Verdict { Proceed, RollBack, NoProgress }

    // A blown-up step is shortened at least 2x, at most 1000x: the quadratic fit is a guess along a quartic valley.
    private const double LeastShrink = 1e-3;
    // The non-monotone test: how many accepted starts it remembers, and how far above its own start (in estimated gaps)
    // an epoch may end. Without the bound one overshoot accepted against a start ten epochs back can undo many decades.
    private const int RememberedStarts = 10;
    private const double RiseInGaps = 10;

    private readonly double[] _x, _gradient;
    private double _value, _g2;
    private bool _pending;
    private double _reference = double.PositiveInfinity;
    private double _scale = 1;
    private double _ceiling;
    private readonly RecentValues _acceptedStarts = new(RememberedStarts);
    private double _landedValue, _landedStep;

    /// <param name="start">The run's evaluated start: f(x₀) is the ceiling a long step may not cross (restored on resume).</param>
    public EpochSafeguard(Iterate start)
    {
        _x = new double[start.Dimension];
        _gradient = new double[start.Dimension];
        _ceiling = start.Value;
    }

    /// <summary>f(x₀): a long step landing above it has blown up.</summary>
    public double Ceiling => _ceiling;

    /// <summary>The factor on every long step: 1, shortened after a blow-up and doubled back (up to 1) at each accepted epoch.</summary>
    public double Scale => _scale;

    /// <summary>
    /// Whether an epoch that does not end below its long step's start rolls that long step back. False while a given f*
    /// is trusted: then only a blow-up is undone, since the ravine's progress comes in non-monotone epochs too.
    /// </summary>
    public bool JudgesEpochs { get; private set; } = true;

    /// <summary>Stops (false) or starts (true) judging epochs; a start judges the next long step afresh.</summary>
    public void SetJudgesEpochs(bool judges)
    {
        if (judges && !JudgesEpochs) Restarted();
        JudgesEpochs = judges;
    }

    /// <summary>
    /// At a point a long step would leave from: <see cref="Verdict.Proceed"/> when f there is below the pending long
    /// step's bar (its start, or the non-monotone bound; the step is accepted), <see cref="Verdict.RollBack"/> when the
    /// pending long step did not pay off, <see cref="Verdict.NoProgress"/> when no long step is pending and f is not
    /// below the bar the last accepted one passed.
    /// </summary>
    /// <param name="point">The point a long step would leave from.</param>
    /// <param name="estimate">The f* estimate in force (bounds the non-monotone test).</param>
    /// <param name="nonMonotone">Judge by the non-monotone test (degenerate growth) rather than the start alone.</param>
    public Verdict Judge(Iterate point, double estimate, bool nonMonotone)
    {
        if (_pending)
        {
            double bar = Bar(estimate, nonMonotone);
            if (JudgesEpochs && !(point.Value < bar)) return Verdict.RollBack;
            // What the accepted point passed: a return to it after a later rollback passes again.
            _reference = bar;
            _acceptedStarts.Add(_value);
            _pending = false;
            // A shortening is temporary: each epoch that passes brings the long steps back towards full length.
            _scale = Math.Min(1, 2 * _scale);
            return Verdict.Proceed;
        }
        return !JudgesEpochs || point.Value < _reference ? Verdict.Proceed : Verdict.NoProgress;
    }

    // What the epoch of the pending long step must end below: its start; or, non-monotone, the highest of the last
    // accepted starts and its own, but at most RiseInGaps estimated gaps above its own start.
    private double Bar(double estimate, bool nonMonotone)
    {
        double gap = _value - estimate;
        if (!nonMonotone || !(gap > 0) || !double.IsFinite(gap)) return _value;
        double highest = _value;
        foreach (double start in _acceptedStarts.Values) highest = Math.Max(highest, start);
        return Math.Min(highest, _value + RiseInGaps * gap);
    }

    /// <summary>Remembers the point a long step is about to leave from.</summary>
    public void BeforeLongStep(Iterate point)
    {
        point.X.CopyTo(_x);
        point.Gradient.CopyTo(_gradient);
        (_value, _g2) = (point.Value, point.GradientNormSquared);
        _pending = true;
    }

    /// <summary>Remembers where the long step of size <paramref name="stepsize"/> just taken landed: a rollback fits its shortening to it.</summary>
    public void Landed(Iterate after, double stepsize) => (_landedValue, _landedStep) = (after.Value, stepsize);

    /// <summary>True when the long step just taken landed where no good long step goes: above f(x₀), or on NaN/∞.</summary>
    public bool BlewUp(Iterate after) =>
        !(after.Value <= _ceiling) || !double.IsFinite(after.GradientNormSquared);

    /// <summary>
    /// Returns <paramref name="iterate"/> to the point the pending long step left from, and says by how much to shorten
    /// the next long step: by the minimizer of the quadratic along the step through f where it landed (see
    /// <see cref="Landed"/>), clamped to [1/1000, 1/2]; by 1/1000 where that quadratic has no minimizer (f at the landing
    /// NaN or ∞, or below the linear model), by half when no landing is known. An epoch that failed after its long step
    /// overshot far is shortened as far as the overshoot says, not halved once per failed epoch. The caller applies it
    /// to the f* estimate, or (f* given) to <see cref="Scale"/> with <see cref="Shorten"/>.
    /// </summary>
    public double RollBack(Iterate iterate)
    {
        _x.CopyTo(iterate.X);
        _gradient.CopyTo(iterate.GradientStorage);
        (iterate.Value, iterate.GradientNormSquared) = (_value, _g2);
        _pending = false;
        if (!(_landedStep > 0)) return 0.5;
        // φ(s) = f(x − s∇f) ≈ f − ‖∇f‖²s + a s² through φ(t) = f where the step landed: its minimizer over t.
        double fit = _g2 * _landedStep / (2 * (_landedValue - _value + _g2 * _landedStep));
        return double.IsFinite(fit) ? Math.Clamp(fit, LeastShrink, 0.5) : LeastShrink;
    }

    /// <summary>Shortens the next long steps by <paramref name="factor"/>, until accepted epochs double them back.</summary>
    public void Shorten(double factor) => _scale *= factor;

    /// <summary>Forgets the reference after a return to x₀ (restarts rule): the next long step is judged afresh.</summary>
    public void Restarted()
    {
        _pending = false;
        _reference = double.PositiveInfinity;
        _acceptedStarts.Clear();
    }

    public Memory Save()
    {
        var (starts, count) = _acceptedStarts.Save();
        return new((double[])_x.Clone(), (double[])_gradient.Clone(), _value, _g2, _pending, _reference, _scale, _ceiling, JudgesEpochs,
            starts, count, _landedValue, _landedStep);
    }

    public void Restore(Memory memory)
    {
        MethodStateEntry.Vector(memory.X, _x, "x");
        MethodStateEntry.Vector(memory.Gradient, _gradient, "gradient");
        (_value, _g2, _pending, _reference, _scale, _ceiling) = (memory.Value, memory.GradientNormSquared, memory.Pending, memory.Reference, memory.Scale, memory.Ceiling);
        JudgesEpochs = memory.JudgesEpochs;
        // A checkpoint written before the non-monotone test existed remembers no accepted starts.
        _acceptedStarts.Restore(memory.AcceptedStarts, memory.AcceptedCount, "acceptedStarts", "acceptedCount");
        (_landedValue, _landedStep) = (memory.LandedValue, memory.LandedStep);
        if (!(_scale > 0 && _scale <= 1))
            throw new FormatException($"The saved method state has an invalid long-step scale {_scale}.");
    }

    /// <summary>The point a long step started from with its f and ‖∇f‖², whether its epoch is still to be judged, the reference f, the stepsize scale, the ceiling, whether epochs are judged, the last accepted starts of the non-monotone test, and where the last long step landed with its size.</summary>
    internal sealed record Memory(double[] X, double[] Gradient, double Value, double GradientNormSquared, bool Pending, double Reference, double Scale, double Ceiling,
        bool JudgesEpochs, double[]? AcceptedStarts = null, int AcceptedCount = 0, double LandedValue = 0, double LandedStep = 0) : MethodMemory;
}
