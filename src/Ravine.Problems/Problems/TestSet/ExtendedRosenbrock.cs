namespace Ravine.Problems;

/// <summary>
/// The extended Rosenbrock function (MGH problem 21): f(x) = Σᵢ₌₁ⁿᐟ² [100(x₂ᵢ − x₂ᵢ₋₁²)² + (1 − x₂ᵢ₋₁)²], n even
/// (default 10), x0 = (−1.2, 1, …, −1.2, 1), x* = 1, f* = 0, f(x0) = 12.1n.
/// </summary>
/// <remarks>
/// A control problem: the Jacobian at x* is block diagonal with blocks [[−20, 10], [−1, 0]] (determinant 10), so the
/// Hessian is positive definite and growth is quadratic everywhere; the curved valley x₂ᵢ = x₂ᵢ₋₁² only makes it
/// ill-conditioned (condition number ≈ 2500 per pair). x* is the only zero, so dist(x, S) = ‖x − 1‖.
/// Source: Moré, Garbow, Hillstrom, ACM TOMS 7 (1981), problem 21; JuliaSmoothOptimizers/NLSProblems.jl src/mgh21.jl.
/// </remarks>
internal sealed class ExtendedRosenbrock(int dimension = 10) : RosenbrockPairs(dimension)
{
    public override string Name => "extended-rosenbrock";

    public override string Title => $"Extended Rosenbrock (MGH 21), n = {Dimension}";

    public override double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, Dimension);
        return Evaluate(x, gradient, NoShift, out _);
    }
}
