using Ravine.Objectives;

namespace Ravine.Problems;

/// <summary>
/// QUARTC, a separable quartic: f(x) = Σᵢ₌₁ⁿ (xᵢ − i)⁴, n = 10 here (the SIF file's default is 5000),
/// x0 = (2, …, 2), x* = (1, 2, …, n), f* = 0, f(x0) = Σᵢ (2 − i)⁴ (8773 for n = 10).
/// </summary>
/// <remarks>
/// <para>
/// Growth: the Hessian at x* is zero, so f grows like Σ tᵢ⁴ in every direction, between ‖x − x*‖⁴/n and
/// ‖x − x*‖⁴: fourth-order growth with no quadratic direction at all, the opposite extreme to the ravines.
/// x* is the only minimizer, so dist(x, S) = ‖x − x*‖.
/// </para>
/// <para>
/// Source: CUTEst QUARTC.SIF (problem 157 of Buckley, "Test functions for unconstrained minimization", TR 1989CS-3,
/// Dalhousie University 1989); CUTEst's DQRTIC is the same function.
/// </para>
/// </remarks>
internal sealed class Quartc : ITestProblem, IKnowsDistanceToSolutions
{
    /// <summary>The problem in <paramref name="dimension"/> variables (at least 1).</summary>
    public Quartc(int dimension = 10)
    {
        Dimension = dimension >= 1 ? dimension
            : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "QUARTC needs at least one variable.");
    }

    public string Name => "quartc";

    public string Title => $"QUARTC separable quartic, n = {Dimension}";

    public double[] Start => Enumerable.Repeat(2.0, Dimension).ToArray();

    public int Dimension { get; }

    public double OptimalValue => 0;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, Dimension);
        double f = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double e = x[i] - (i + 1), cubed = e * e * e;
            f += cubed * e;
            gradient[i] = 4 * cubed;
        }
        return f;
    }

    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, Dimension);
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += (x[i] - (i + 1)) * (x[i] - (i + 1));
        return Math.Sqrt(sum);
    }
}
