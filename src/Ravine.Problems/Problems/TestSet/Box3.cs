using Ravine.Objectives;

namespace Ravine.Problems;

/// <summary>
/// The Box three-dimensional function (MGH problem 12) with m = 10 residuals:
/// f(x) = Σᵢ₌₁¹⁰ (e^{−tᵢx₁} − e^{−tᵢx₂} − x₃(e^{−tᵢ} − e^{−10tᵢ}))², tᵢ = i/10, x0 = (0, 10, 20), f* = 0 on
/// S = {(1, 10, 1), (10, 1, −1)} ∪ {(a, a, 0) : a ∈ ℝ}.
/// </summary>
/// <remarks>
/// <para>
/// Degeneracy: non-isolated minimizers. On the line (a, a, 0) the Jacobian's first two columns are opposite, so the
/// Hessian has rank 2 with null vector (1, 1, 0) along the line; f grows quadratically away from the line (with a
/// constant that vanishes as a → ∞), so this is a flat valley of minimizers rather than a fourth-order ravine. The two
/// isolated minimizers are nondegenerate. S is exactly the zero set: a residual vanishing at the ten nodes
/// z = e^{−0.1·(exponent)} is a combination of at most four powers zʲ, j = 1…10, which vanishes only if the
/// coefficients of equal nodes cancel — giving exactly these three pieces. So dist(x, S) is the least of the
/// distances to the two points and to the line.
/// </para>
/// <para>
/// Source: Moré, Garbow, Hillstrom, ACM TOMS 7 (1981), problem 12; JuliaSmoothOptimizers/NLSProblems.jl src/mgh12.jl
/// (same residuals, m = 10). OptimizationProblems.jl src/PureJuMP/BOX3.jl has the same terms but a factor ½ and
/// m = 2n by default.
/// </para>
/// </remarks>
internal sealed class Box3 : ITestProblem, IKnowsDistanceToSolutions
{
    private const int Residuals = 10;

    public string Name => "box3";

    public string Title => "Box three-dimensional (MGH 12), n = 3, m = 10";

    public double[] Start => [0, 10, 20];

    public int Dimension => 3;

    public double OptimalValue => 0;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, 3);
        double f = 0, g0 = 0, g1 = 0, g2 = 0;
        for (int i = 1; i <= Residuals; i++)
        {
            double t = i / 10.0;
            double e1 = Math.Exp(-t * x[0]), e2 = Math.Exp(-t * x[1]);
            double c = Math.Exp(-t) - Math.Exp(-10 * t);
            double r = e1 - e2 - x[2] * c;
            f += r * r;
            g0 -= r * t * e1;
            g1 += r * t * e2;
            g2 -= r * c;
        }
        gradient[0] = 2 * g0;
        gradient[1] = 2 * g1;
        gradient[2] = 2 * g2;
        return f;
    }

    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, 3);
        double toFirst = Norm(x[0] - 1, x[1] - 10, x[2] - 1);
        double toSecond = Norm(x[0] - 10, x[1] - 1, x[2] + 1);
        double across = (x[0] - x[1]) / Math.Sqrt(2);
        double toLine = Math.Sqrt(across * across + x[2] * x[2]);
        return Math.Min(toLine, Math.Min(toFirst, toSecond));
    }

    private static double Norm(double a, double b, double c) => Math.Sqrt(a * a + b * b + c * c);
}
