using Ravine.Objectives;

namespace Ravine.Problems;

/// <summary>
/// The Beale function (MGH problem 5): f(x) = Σᵢ₌₁³ (yᵢ − x₁(1 − x₂ⁱ))², y = (1.5, 2.25, 2.625), x0 = (1, 1),
/// x* = (3, 0.5), f* = 0, f(x0) = 14.203125.
/// </summary>
/// <remarks>
/// A control problem: the Jacobian at x* has full rank, so the Hessian is positive definite and f grows
/// quadratically in every direction — the regime where constant-step GD and L-BFGS are at home. x* is the only zero
/// (residuals 1 and 2 give 1 + x₂ = 1.5), so dist(x, S) = ‖x − x*‖.
/// Source: Moré, Garbow, Hillstrom, ACM TOMS 7 (1981), problem 5; JuliaSmoothOptimizers/NLSProblems.jl src/mgh05.jl.
/// OptimizationProblems.jl src/PureJuMP/beale.jl has the same terms with a factor ½.
/// </remarks>
internal sealed class Beale : ITestProblem, IKnowsDistanceToSolutions
{
    public string Name => "beale";

    public string Title => "Beale (MGH 5), n = 2";

    public double[] Start => [1, 1];

    public int Dimension => 2;

    public double OptimalValue => 0;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, 2);
        double a = x[0], b = x[1];
        double r1 = 1.5 - a * (1 - b);
        double r2 = 2.25 - a * (1 - b * b);
        double r3 = 2.625 - a * (1 - b * b * b);
        gradient[0] = -2 * (r1 * (1 - b) + r2 * (1 - b * b) + r3 * (1 - b * b * b));
        gradient[1] = 2 * a * (r1 + 2 * b * r2 + 3 * b * b * r3);
        return r1 * r1 + r2 * r2 + r3 * r3;
    }

    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, 2);
        double d0 = x[0] - 3, d1 = x[1] - 0.5;
        return Math.Sqrt(d0 * d0 + d1 * d1);
    }
}
