using System.Numerics.Tensors;
using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// The check of a long step before it is taken, at no oracle call: from the curvature the last short step saw along
/// −∇f and the gap the step is built on, a model of f along the ray x − t∇f predicts f after the step, and a step the
/// model says overshoots is shortened to the model's minimizer.
/// </summary>
/// <remarks>
/// <para>
/// Along the ray, φ(t) = f(x − t∇f) has φ(0) = f, φ′(0) = −‖∇f‖² and φ″(0) ≈ κ‖∇f‖², κ the secant curvature of the last
/// short step (⟨Δ∇f, Δx⟩/‖Δx‖², a step along the previous gradient). With the gap f − f̂* (the f* in use), the Polyak step
/// is t_P = (f − f̂*)/‖∇f‖² and m = κ·t_P is dimensionless. A growth φ − f̂* = A(τ − t)^p along the ray has m = (p − 1)/p:
/// ½ for a quadratic, ⅔ cubic, ¾ quartic, ⅚ sixth order. So for m in (0, 1) the model is that power law, fitted to φ(0),
/// φ′(0), φ″(0): p = 1/(1 − m), τ = p·t_P, and φ(t) − f̂* = (f − f̂*)·|1 − t/τ|^p; a Polyak step is then never too long.
/// For m ≥ 1 no power law fits: the curvature says the ray's minimum comes before the Polyak step (a transverse
/// component in ∇f, or an f̂* too low), and the model is the quadratic φ(0) − ‖∇f‖²t + ½κ‖∇f‖²t². Its prediction is
/// above f when m &gt; 2.
/// </para>
/// <para>
/// The step is shortened only when the predicted f is above the ceiling f(x₀), where the blow-up guard would undo it:
/// the curvature of a short step is mostly the steep transverse curvature, so on a ravine the model predicts a rise
/// for most good long steps (m in the hundreds on singular Wood), which the next short steps remove. A predicted rise
/// below the ceiling is no reason to shorten.
/// </para>
/// </remarks>
internal sealed class LongStepForecast(int dimension)
{
    private readonly double[] _previousX = new double[dimension];
    private readonly double[] _previousGradient = new double[dimension];
    private bool _hasPrevious;
    private double _curvature = double.NaN;

    /// <summary>A point a short step is about to leave from: the next point gives the secant curvature along its gradient.</summary>
    public void ObserveShortStepFrom(Iterate point)
    {
        point.X.CopyTo(_previousX);
        point.Gradient.CopyTo(_previousGradient);
        _hasPrevious = true;
    }

    /// <summary>
    /// Checks the long step of size <paramref name="stepsize"/> from <paramref name="point"/> (gap measured from
    /// <paramref name="optimal"/>): returns the stepsize to take (shorter when the model says the step lands above
    /// <paramref name="ceiling"/>) and the f the model predicts after it (NaN when no curvature was seen).
    /// </summary>
    public (double Stepsize, double Predicted, bool Shortened) Check(Iterate point, double stepsize, double optimal, double ceiling)
    {
        UpdateCurvature(point);
        double f = point.Value, g2 = point.GradientNormSquared, gap = f - optimal;
        if (!(_curvature > 0) || !(gap > 0) || !(g2 > 0)) return (stepsize, double.NaN, false);
        double predicted = Predict(f, g2, gap, stepsize);
        if (predicted > ceiling)
        {
            // The longest step the quadratic model keeps at or below f: 2/κ (φ(t) = f at t = 0 and t = 2/κ).
            double shorter = 2 / _curvature;
            if (shorter < stepsize) return (shorter, Predict(f, g2, gap, shorter), true);
        }
        return (stepsize, predicted, false);
    }

    private double Predict(double f, double g2, double gap, double t)
    {
        double m = _curvature * gap / g2;
        if (m < 1)
        {
            double p = 1 / (1 - m), tau = p * gap / g2;
            return f - gap + gap * Math.Pow(Math.Abs(1 - t / tau), p);
        }
        return f - g2 * t + 0.5 * _curvature * g2 * t * t;
    }

    // The secant of the last short step; a second long step from the same point (after a rollback) keeps the last one.
    private void UpdateCurvature(Iterate point)
    {
        if (!_hasPrevious) return;
        _hasPrevious = false;
        TensorPrimitives.Subtract(point.X, _previousX, _previousX);
        TensorPrimitives.Subtract(point.Gradient, _previousGradient, _previousGradient);
        double dx2 = TensorPrimitives.Dot(_previousX, _previousX);
        double curvature = TensorPrimitives.Dot(_previousX, _previousGradient) / dx2;
        if (double.IsFinite(curvature)) _curvature = curvature;
    }

    public Memory Save() => new((double[])_previousX.Clone(), (double[])_previousGradient.Clone(), _hasPrevious, _curvature);

    public void Restore(Memory memory)
    {
        MethodStateEntry.Vector(memory.PreviousX, _previousX, "previousX");
        MethodStateEntry.Vector(memory.PreviousGradient, _previousGradient, "previousGradient");
        (_hasPrevious, _curvature) = (memory.HasPrevious, memory.Curvature);
    }

    /// <summary>The point the last short step left from (or, once used, the differences to it), whether it is still to be used, and the curvature in force.</summary>
    internal sealed record Memory(double[] PreviousX, double[] PreviousGradient, bool HasPrevious, double Curvature) : MethodMemory;
}
