using Ravine.Objectives;

namespace Ravine.Problems;

/// <summary>
/// The Cragg–Levy function in n = 4 (CUTEst CRAGGLVY with M = 1, the "original value" of its SIF file):
/// f(x) = (e^{x₁} − x₂)⁴ + 100 (x₂ − x₃)⁶ + (tan(x₃ − x₄) + x₃ − x₄)⁴ + x₁⁸ + (x₄ − 1)²,
/// x0 = (1, 2, 2, 2), x* = (0, 1, 1, 1), f* = 0, f(x0) = (e − 2)⁴ + 2.
/// </summary>
/// <remarks>
/// <para>
/// Growth: only (x₄ − 1)² is quadratic, so the Hessian at x* is diag(0, 0, 0, 2) (rank 1). Along each of the first three
/// axes f grows like t⁴, and along the curve (s, e^s, 1, 1), which zeroes every term but the sixth power, like 100 s⁶:
/// a ravine whose floor is flatter than the theory's fourth order — a stress test.
/// The minimizer is unique: f = 0 forces x₁ = 0, x₂ = 1, x₃ = 1, x₄ = 1 in turn.
/// </para>
/// <para>
/// Source: CUTEst CRAGGLVY.SIF (Ph. Toint, problem 32 of "Test problems for partially separable optimization", 1983),
/// as translated in GrattonToint/S2MPJ julia_problems/CRAGGLVY.jl: group C is L4 of the element tan(x₃ − x₄) plus
/// the linear part x₃ − x₄, and group B has scale 0.01, i.e. weight 100. OptimizationProblems.jl
/// src/ADNLPProblems/cragglvy.jl agrees. Copies that call it "Miele–Cantrell" (global optimization lists) drop the
/// (x₄ − 1)² term and use tan⁴(x₃ − x₄). The extended CRAGGLVY (M ≥ 2) is not this problem repeated: its
/// blocks conflict (x₂ᵢ₊₁ = 0 and x₂ᵢ₊₂ = 1 against x₂ᵢ₊₁ = x₂ᵢ₊₂) and its SIF file gives f* ≈ 1.886566 for n = 10.
/// </para>
/// </remarks>
internal sealed class CraggLevy : ITestProblem, IKnowsDistanceToSolutions
{
    public string Name => "cragg-levy";

    public string Title => "Cragg–Levy (CUTEst CRAGGLVY), n = 4";

    public double[] Start => [1, 2, 2, 2];

    public int Dimension => 4;

    public double OptimalValue => 0;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, 4);
        double e = Math.Exp(x[0]);
        double a = e - x[1];
        double b = x[1] - x[2];
        double u = x[2] - x[3];
        double tan = Math.Tan(u);
        double c = tan + u;
        double d = x[3] - 1;
        double a3 = a * a * a, b5 = b * b * b * b * b, c3 = c * c * c, x7 = Math.Pow(x[0], 7);
        double dc = 4 * c3 * (2 + tan * tan); // d/du (tan u + u)⁴ = 4c³ (sec²u + 1)
        gradient[0] = 4 * a3 * e + 8 * x7;
        gradient[1] = -4 * a3 + 600 * b5;
        gradient[2] = -600 * b5 + dc;
        gradient[3] = -dc + 2 * d;
        return a3 * a + 100 * b5 * b + c3 * c + x7 * x[0] + d * d;
    }

    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, 4);
        double d1 = x[1] - 1, d2 = x[2] - 1, d3 = x[3] - 1;
        return Math.Sqrt(x[0] * x[0] + d1 * d1 + d2 * d2 + d3 * d3);
    }
}
