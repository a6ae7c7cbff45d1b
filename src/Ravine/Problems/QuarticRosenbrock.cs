using Ravine.Objectives;

namespace Ravine.Problems;

/// <summary>
/// The quartic Rosenbrock function f(x, y) = x⁴ + 10 (y − x²)², minimizer (0, 0), f* = 0. Its Hessian at the
/// minimizer is diag(0, 20): along the ravine y = x² it grows only like x⁴, across it quadratically.
/// ∇f = (4x³ − 40x(y − x²), 20(y − x²)); dist((x, y), S) = ‖(x, y)‖.
/// </summary>
public sealed class QuarticRosenbrock : IObjective, IKnowsOptimalValue, IKnowsDistanceToSolutions
{
    /// <inheritdoc />
    public int Dimension => 2;

    /// <inheritdoc />
    public double OptimalValue => 0;

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, 2);
        double u = x[0], v = x[1];
        double r = v - u * u;
        gradient[0] = 4 * u * u * u - 40 * u * r;
        gradient[1] = 20 * r;
        return u * u * u * u + 10 * r * r;
    }

    /// <inheritdoc />
    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, 2);
        return Math.Sqrt(x[0] * x[0] + x[1] * x[1]);
    }
}
