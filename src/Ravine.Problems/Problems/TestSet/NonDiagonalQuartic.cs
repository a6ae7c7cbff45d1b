using Ravine.Objectives;

namespace Ravine.Problems;

/// <summary>
/// NONDQUAR, a nondiagonal quartic: f(x) = (x₁ − x₂)² + Σᵢ₌₁ⁿ⁻² (xᵢ + xᵢ₊₁ + xₙ)⁴ + (xₙ₋₁ − xₙ)², n even ≥ 4
/// (default 100, the SIF file's original value), x0 = (1, −1, 1, −1, …), x* = 0, f* = 0, f(x0) = n + 6.
/// </summary>
/// <remarks>
/// <para>
/// Growth: the Hessian at 0 is 2(e₁ − e₂)(e₁ − e₂)ᵀ + 2(eₙ₋₁ − eₙ)(eₙ₋₁ − eₙ)ᵀ, rank 2; the n linear forms
/// x₁ − x₂, xᵢ + xᵢ₊₁ + xₙ, xₙ₋₁ − xₙ are independent, so f grows quadratically in two directions and like ‖x‖⁴ in
/// the other n − 2 (e.g. f(t·1) = 81(n − 2)t⁴): a ravine of dimension n − 2. The same independence makes 0 the only
/// minimizer, so dist(x, S) = ‖x‖.
/// </para>
/// <para>
/// Source: CUTEst NONDQUAR.SIF (problem 57 of Conn, Gould, Lescrenier, Toint, Report 88/4, FUNDP 1988), as translated
/// in GrattonToint/S2MPJ julia_problems/NONDQUAR.jl; OptimizationProblems.jl src/PureJuMP/nondquar.jl agrees.
/// </para>
/// </remarks>
internal sealed class NonDiagonalQuartic : ITestProblem, IKnowsDistanceToSolutions
{
    /// <summary>The problem in <paramref name="dimension"/> variables (even, ≥ 4: the start alternates ±1).</summary>
    public NonDiagonalQuartic(int dimension = 100)
    {
        Dimension = ProblemArguments.EvenDimension(dimension, 4, "NONDQUAR");
    }

    public string Name => "nondquar";

    public string Title => $"NONDQUAR nondiagonal quartic, n = {Dimension}";

    public double[] Start => ProblemArguments.Alternating(Dimension, 1, -1);

    public int Dimension { get; }

    public double OptimalValue => 0;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        int n = Dimension;
        ProblemArguments.Check(x, gradient, n);
        gradient.Clear();
        double last = x[n - 1];
        double f = 0;
        for (int i = 0; i < n - 2; i++)
        {
            double l = x[i] + x[i + 1] + last;
            double l2 = l * l;
            f += l2 * l2;
            double dl = 4 * l2 * l;
            gradient[i] += dl;
            gradient[i + 1] += dl;
            gradient[n - 1] += dl;
        }
        double head = x[0] - x[1], tail = x[n - 2] - last;
        gradient[0] += 2 * head;
        gradient[1] -= 2 * head;
        gradient[n - 2] += 2 * tail;
        gradient[n - 1] -= 2 * tail;
        return f + head * head + tail * tail;
    }

    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, Dimension);
        return Math.Sqrt(FusedSums.SumOfSquares(x));
    }
}
