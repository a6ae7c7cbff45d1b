using Ravine.Objectives;

namespace Ravine.Problems;

/// <summary>
/// The Wood function made singular by the Schnabel–Frank construction: f(x) = ‖F̂(x)‖² with F̂(x) = F(x) − s·w,
/// s = (1/4)Σⱼ(xⱼ − 1), w = F'(x*)·1 = (−10, −1, −√90, −1, 2√10, 0), where F is MGH problem 14
/// (F = (10(x₂ − x₁²), 1 − x₁, √90(x₄ − x₃²), 1 − x₃, √10(x₂ + x₄ − 2), (x₂ − x₄)/√10)), n = 4, m = 6,
/// x0 = (−3, −1, −3, −1), x* = (1, 1, 1, 1), f* = 0, f(x0) = 32152 (the original Wood function has 19192).
/// </summary>
/// <remarks>
/// <para>
/// Schnabel &amp; Frank (SIAM J. Numer. Anal. 21, 1984) set F̂(x) = F(x) − F'(x*)A(AᵀA)⁻¹Aᵀ(x − x*); here
/// A = (1, 1, 1, 1)ᵀ, so F̂'(x*) = F'(x*)(I − 11ᵀ/4) has rank 3 and the Hessian at x* has rank 3. Along 1,
/// F̂(x* + t·1) = (−10t², 0, −√90t², 0, 0, 0), so f = 190t⁴; ½F''(x*)[1, 1] is not even in the range of F'(x*), so
/// the growth is quartic along every curve in the null direction: a one-dimensional quartic ravine. x* is the only
/// zero of F̂ (rows 2, 4, 1, 3 force x₁ = x₃ = 1 + s, x₂ = x₄ = 1 + s + s², and row 5 then gives s² = 0), so
/// dist(x, S) = ‖x − 1‖.
/// </para>
/// <para>
/// Source of F and x0: Moré, Garbow, Hillstrom, ACM TOMS 7 (1981), problem 14; JuliaSmoothOptimizers/NLSProblems.jl
/// src/mgh14.jl.
/// </para>
/// </remarks>
internal sealed class SingularWood : ITestProblem, IKnowsDistanceToSolutions
{
    private static readonly double Sqrt90 = Math.Sqrt(90), Sqrt10 = Math.Sqrt(10);

    public string Name => "singular-wood";

    public string Title => "Singular Wood (Schnabel–Frank, rank 3), n = 4";

    public double[] Start => [-3, -1, -3, -1];

    public int Dimension => 4;

    public double OptimalValue => 0;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, 4);
        double x1 = x[0], x2 = x[1], x3 = x[2], x4 = x[3];
        double s = (x1 - 1 + (x2 - 1) + (x3 - 1) + (x4 - 1)) / 4;
        double r1 = 10 * (x2 - x1 * x1) + 10 * s;
        double r2 = 1 - x1 + s;
        double r3 = Sqrt90 * (x4 - x3 * x3) + Sqrt90 * s;
        double r4 = 1 - x3 + s;
        double r5 = Sqrt10 * (x2 + x4 - 2) - 2 * Sqrt10 * s;
        double r6 = (x2 - x4) / Sqrt10;

        // ∇f = 2[F'(x)ᵀF̂ − (c/4)·1] with c = w·F̂.
        double c = -10 * r1 - r2 - Sqrt90 * r3 - r4 + 2 * Sqrt10 * r5;
        double shift = c / 4;
        gradient[0] = 2 * (-20 * x1 * r1 - r2 - shift);
        gradient[1] = 2 * (10 * r1 + Sqrt10 * r5 + r6 / Sqrt10 - shift);
        gradient[2] = 2 * (-2 * Sqrt90 * x3 * r3 - r4 - shift);
        gradient[3] = 2 * (Sqrt90 * r3 + Sqrt10 * r5 - r6 / Sqrt10 - shift);
        return r1 * r1 + r2 * r2 + r3 * r3 + r4 * r4 + r5 * r5 + r6 * r6;
    }

    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, 4);
        return ProblemArguments.DistanceToConstant(x, 1);
    }
}
