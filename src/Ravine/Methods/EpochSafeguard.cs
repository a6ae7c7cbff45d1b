using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// The safeguarded long step of GDPolyak (fixed-K and adaptive): a long step is judged by the epoch it starts, not by
/// f right after it. A good long step moves along the ravine and often raises f at first (on quadratic sensing the
/// last ones raise f from 1e-20 to 1e-12; the short steps then bring it below 1e-20), so the test is whether f where
/// the next long step would leave from is below f where this one left from. When it is not, the iterate returns to
/// the point before the long step (x, f and ∇f kept: no oracle call) and the next long step is halved (with f*
/// estimated, by raising the estimate; with f* given, every later one). A long step
/// that lands above f(x₀) or on a non-finite value is undone at once, before the run's divergence test sees it, and
/// shortened to the minimizer of the quadratic through what was seen. As a consequence f at the start of each accepted
/// long step is strictly below f at the start of the previous one.
/// </summary>
internal sealed class EpochSafeguard
{
    public enum Verdict { Proceed, RollBack, NoProgress }

    // A blown-up step is shortened at least 2x, at most 1000x: the quadratic fit is a guess along a quartic valley.
    private const double LeastShrink = 1e-3;

    private readonly double[] _x, _gradient;
    private double _value, _g2;
    private bool _pending;
    private double _reference = double.PositiveInfinity;
    private double _scale = 1;
    private double _ceiling;

    /// <param name="start">The run's evaluated start: f(x₀) is the ceiling a long step may not cross (restored on resume).</param>
    public EpochSafeguard(Iterate start)
    {
        _x = new double[start.Dimension];
        _gradient = new double[start.Dimension];
        _ceiling = start.Value;
    }

    /// <summary>The factor on every long step: 1, halved at each rejection.</summary>
    public double Scale => _scale;

    /// <summary>
    /// At a point a long step would leave from: <see cref="Verdict.Proceed"/> when f there is below f where the last
    /// accepted long step left from (accepting a pending long step), <see cref="Verdict.RollBack"/> when the pending long
    /// step did not pay off, <see cref="Verdict.NoProgress"/> when no long step is pending and none should be taken.
    /// </summary>
    public Verdict Judge(Iterate point)
    {
        if (_pending)
        {
            if (!(point.Value < _value)) return Verdict.RollBack;
            _reference = _value;
            _pending = false;
            return Verdict.Proceed;
        }
        return point.Value < _reference ? Verdict.Proceed : Verdict.NoProgress;
    }

    /// <summary>Remembers the point a long step is about to leave from.</summary>
    public void BeforeLongStep(Iterate point)
    {
        point.X.CopyTo(_x);
        point.Gradient.CopyTo(_gradient);
        (_value, _g2) = (point.Value, point.GradientNormSquared);
        _pending = true;
    }

    /// <summary>True when the long step just taken landed where no good long step goes: above f(x₀), or on NaN/∞.</summary>
    public bool BlewUp(Iterate after) =>
        !(after.Value <= _ceiling) || !double.IsFinite(after.GradientNormSquared);

    /// <summary>
    /// Returns <paramref name="iterate"/> to the point the pending long step left from, and says by how much to shorten
    /// the next long step: by the quadratic fit when the step of size <paramref name="blownUpStep"/> blew up, else by
    /// half. The caller applies it to the f* estimate, or (f* given) to <see cref="Scale"/> with <see cref="Shorten"/>.
    /// </summary>
    public double RollBack(Iterate iterate, double? blownUpStep = null)
    {
        double fAfter = iterate.Value;
        _x.CopyTo(iterate.X);
        _gradient.CopyTo(iterate.GradientStorage);
        (iterate.Value, iterate.GradientNormSquared) = (_value, _g2);
        _pending = false;
        double shrink = 0.5;
        if (blownUpStep is double t)
        {
            // φ(s) = f(x − s∇f) ≈ f − ‖∇f‖²s + a s² through φ(t) = fAfter: its minimizer over t.
            double fit = _g2 * t / (2 * (fAfter - _value + _g2 * t));
            shrink = double.IsFinite(fit) ? Math.Clamp(fit, LeastShrink, 0.5) : LeastShrink;
        }
        return shrink;
    }

    /// <summary>Shortens every later long step by <paramref name="factor"/> (a given f* that proved too low stays too low).</summary>
    public void Shorten(double factor) => _scale *= factor;

    /// <summary>Forgets the reference after a return to x₀ (restarts rule): the next long step is judged afresh.</summary>
    public void Restarted()
    {
        _pending = false;
        _reference = double.PositiveInfinity;
    }

    public Memory Save() => new((double[])_x.Clone(), (double[])_gradient.Clone(), _value, _g2, _pending, _reference, _scale, _ceiling);

    public void Restore(Memory memory)
    {
        MethodStateEntry.Vector(memory.X, _x, "x");
        MethodStateEntry.Vector(memory.Gradient, _gradient, "gradient");
        (_value, _g2, _pending, _reference, _scale, _ceiling) = (memory.Value, memory.GradientNormSquared, memory.Pending, memory.Reference, memory.Scale, memory.Ceiling);
        if (!(_scale > 0 && _scale <= 1))
            throw new FormatException($"The saved method state has an invalid long-step scale {_scale}.");
    }

    /// <summary>The point a long step started from with its f and ‖∇f‖², whether its epoch is still to be judged, the reference f, the stepsize scale and the ceiling.</summary>
    internal sealed record Memory(double[] X, double[] Gradient, double Value, double GradientNormSquared, bool Pending, double Reference, double Scale, double Ceiling) : MethodMemory;
}
