namespace Ravine.Problems;

/// <summary>
/// Extended Rosenbrock made singular by the Schnabel–Frank construction: f(x) = ‖F̂(x)‖² with
/// F̂(x) = F(x) − F'(x*)·1·s, s = (1/n)Σⱼ(xⱼ − 1), where F is MGH problem 21
/// (F₂ᵢ₋₁ = 10(x₂ᵢ − x₂ᵢ₋₁²), F₂ᵢ = 1 − x₂ᵢ₋₁), x* = 1, f* = 0, x0 = (−1.2, 1, …, −1.2, 1), n even (default 10).
/// Per pair this is F̂₂ᵢ₋₁ = 10(x₂ᵢ − x₂ᵢ₋₁²) + 10s, F̂₂ᵢ = 1 − x₂ᵢ₋₁ + s.
/// </summary>
/// <remarks>
/// <para>
/// Schnabel &amp; Frank (SIAM J. Numer. Anal. 21, 1984, "Tensor methods for nonlinear equations") set
/// F̂(x) = F(x) − F'(x*)A(AᵀA)⁻¹Aᵀ(x − x*); here A = (1, …, 1)ᵀ, so F̂'(x*) = F'(x*)(I − 11ᵀ/n) has rank n − 1.
/// Growth: quadratic across the ravine, quartic along it: F̂(x* + t·1) has odd entries −10t² and even entries 0, so
/// f(x* + t·1) = 50n·t⁴; ½F''(x*)[1, 1] is not in the range of F̂'(x*), so no curve through x* grows slower.
/// x* is the only zero of F̂ (the pairs force x₂ᵢ₋₁ = 1 + s, x₂ᵢ = 1 + s + s², whose mean gives s²/2 = 0), so
/// dist(x, S) = ‖x − 1‖.
/// </para>
/// <para>
/// Source of F and x0: Moré, Garbow, Hillstrom, ACM TOMS 7 (1981), problem 21; JuliaSmoothOptimizers/NLSProblems.jl
/// src/mgh21.jl.
/// </para>
/// </remarks>
internal sealed class SingularRosenbrock(int dimension = 10) : RosenbrockPairs(dimension)
{
    public override string Name => "singular-rosenbrock";

    public override string Title => $"Singular extended Rosenbrock (Schnabel–Frank, rank n − 1), n = {Dimension}";

    public override double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        int n = Dimension;
        ProblemArguments.Check(x, gradient, n);
        double s = 0;
        for (int j = 0; j < n; j++) s += x[j] - 1;
        s /= n;

        // ∇f = 2[F'(x)ᵀF̂ − (c/n)·1] with c = (F'(x*)·1)·F̂.
        double f = Evaluate(x, gradient, s, out double c);
        double shift = 2 * c / n;
        for (int j = 0; j < n; j++) gradient[j] -= shift;
        return f;
    }
}
