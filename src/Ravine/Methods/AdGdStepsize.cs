using System.Numerics.Tensors;
using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// The stepsize rule of adaptive gradient descent (Malitsky and Mishchenko, arXiv 1910.09529 and 2308.02261):
/// λ_k = min{ √(1 + θ_{k−1}) λ_{k−1}, c ‖x_k − x_{k−1}‖ / ‖∇f(x_k) − ∇f(x_{k−1})‖ }, θ_k = λ_k / λ_{k−1}, with
/// c = 1/2 (2020) or 1/√2 (2024). The second term is c / L_k for the local curvature L_k seen between the last two
/// points, so the rule needs no extra oracle call. Shared by <see cref="AdaptiveGradientDescent"/> and the short steps
/// of AdaptiveGdPolyak.
/// </summary>
internal sealed class AdGdStepsize(double constant, double? initialStepsize, int dimension)
{
    // A first step this short relative to the point is a probe: it only has to give a usable first curvature estimate
    // (g moves by about λ₀·L·‖g‖, far above round-off), and the rule sets every later stepsize from curvature.
    private const double ProbeLength = 1e-6;

    private readonly double[] _previousX = new double[dimension];
    private readonly double[] _previousGradient = new double[dimension];
    private double _lambda;
    private double _theta = double.PositiveInfinity;
    private bool _hasPrevious;

    /// <summary>λ of the last short step (the η in force), 0 before the first.</summary>
    public double Current => _lambda;

    /// <summary>
    /// The stepsize for a gradient step from <paramref name="iterate"/>; remembers the iterate as the previous point.
    /// </summary>
    public double Next(Iterate iterate)
    {
        double lambda;
        if (!_hasPrevious)
            lambda = initialStepsize ?? InitialProbe(iterate);
        else
        {
            double curvatureBound = double.PositiveInfinity;
            if (_hasPrevious)
            {
                double dx = TensorPrimitives.Distance(iterate.X, _previousX);
                double dg = TensorPrimitives.Distance(iterate.Gradient, _previousGradient);
                // dg = 0: no curvature seen between the points (a flat stretch), so only the growth bound applies.
                if (dg > 0) curvatureBound = constant * dx / dg;
            }
            double growth = Math.Sqrt(1 + _theta) * _lambda;
            lambda = Math.Min(growth, curvatureBound);
            // Both bounds infinite (θ = ∞ and no curvature seen), or a degenerate 0: keep the last stepsize.
            if (!(lambda > 0 && double.IsFinite(lambda))) lambda = _lambda;
        }
        _theta = _lambda > 0 ? lambda / _lambda : double.PositiveInfinity;
        _lambda = lambda;
        Remember(iterate);
        return lambda;
    }

    /// <summary>
    /// Remembers <paramref name="iterate"/> as the previous point without a short step from it (before a long step): the
    /// next short step then bounds its stepsize by the curvature seen across the long step, and grows at most by
    /// √(1 + θ) from the last short stepsize.
    /// </summary>
    public void Remember(Iterate iterate)
    {
        iterate.X.CopyTo(_previousX);
        iterate.Gradient.CopyTo(_previousGradient);
        _hasPrevious = true;
    }

    private static double InitialProbe(Iterate iterate)
    {
        double xNorm = TensorPrimitives.Norm(iterate.X);
        double probe = ProbeLength * Math.Max(xNorm, 1) / iterate.GradientNorm;
        return probe > 0 && double.IsFinite(probe) ? probe : ProbeLength;
    }

    public Memory Save() => new((double[])_previousX.Clone(), (double[])_previousGradient.Clone(), _lambda, _theta, _hasPrevious);

    public void Restore(Memory memory)
    {
        MethodStateEntry.Vector(memory.PreviousX, _previousX, "previousX");
        MethodStateEntry.Vector(memory.PreviousGradient, _previousGradient, "previousGradient");
        (_lambda, _theta, _hasPrevious) = (memory.Lambda, memory.Theta, memory.HasPrevious);
        if (!(_lambda >= 0 && double.IsFinite(_lambda)) || !(_theta >= 0))
            throw new FormatException($"The saved method state has an invalid AdGD stepsize λ = {_lambda} or ratio θ = {_theta}.");
    }

    /// <summary>The previous point and gradient (when there is one), the stepsize λ and the ratio θ of the last two.</summary>
    internal sealed record Memory(double[] PreviousX, double[] PreviousGradient, double Lambda, double Theta, bool HasPrevious) : MethodMemory;
}
