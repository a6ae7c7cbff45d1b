using Ravine.Objectives;
using Ravine.Randomness;

namespace Ravine.Problems;

/// <summary>
/// The quartic Rosenbrock function f(x, y) = x⁴ + 10 (y − x²)², minimizer (0, 0), f* = 0. Its Hessian at the
/// minimizer is diag(0, 20): along the ravine y = x² it grows only like x⁴, across it quadratically.
/// ∇f = (4x³ − 40x(y − x²), 20(y − x²)); dist((x, y), S) = ‖(x, y)‖.
/// Published instance: start standard normal in R².
/// </summary>
public sealed class QuarticRosenbrock : ITestProblem, IKnowsDistanceToSolutions
{
    private readonly double[] _start;

    /// <summary>The problem with the fixed start (1.2, −0.7), off the ravine.</summary>
    public QuarticRosenbrock() : this([1.2, -0.7]) { }

    /// <summary>The problem with a given start.</summary>
    public QuarticRosenbrock(double[] start)
    {
        ArgumentNullException.ThrowIfNull(start);
        ProblemArguments.Check(start, 2);
        _start = (double[])start.Clone();
    }

    /// <summary>The published instance: a standard normal start drawn from <paramref name="seed"/>.</summary>
    public static QuarticRosenbrock Generate(ulong seed) => new(new Xoshiro256StarStar(seed).NextGaussians(2));

    /// <inheritdoc />
    public string Name => "quartic-rosenbrock";

    /// <inheritdoc />
    public string Title => "Quartic Rosenbrock x⁴ + 10(y − x²)²";

    /// <inheritdoc />
    public double[] Start => (double[])_start.Clone();

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
