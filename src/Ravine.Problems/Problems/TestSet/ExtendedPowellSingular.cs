using Ravine.Objectives;

namespace Ravine.Problems;

/// <summary>
/// The extended Powell singular function (MGH problem 22): f(x) = Σ over blocks (a, b, c, d) of consecutive
/// variables of (a + 10b)² + 5(c − d)² + (b − 2c)⁴ + 10(a − d)⁴, n a multiple of 4 (default 20, the size
/// NLSProblems.jl uses), x0 = (3, −1, 0, 1, 3, −1, 0, 1, …), x* = 0, f* = 0, f(x0) = 215·n/4.
/// </summary>
/// <remarks>
/// <para>
/// Growth: the Hessian at 0 is block-diagonal with the rank-2 blocks 2(1, 10)(1, 10)ᵀ on (a, b) and
/// 10(1, −1)(1, −1)ᵀ on (c, d), so it has rank n/2. Along the null direction (10, −1, 0, 0) of a block both
/// squares vanish and f = (−1)⁴t⁴ + 10·10⁴t⁴ = 100001t⁴: quartic growth in an n/2-dimensional subspace. The four
/// terms of a block vanish together only at 0 (a = −10b, c = d, b = 2c, a = d give −20c = c), so x* = 0 is the only
/// minimizer and dist(x, S) = ‖x‖.
/// </para>
/// <para>
/// Source: Moré, Garbow, Hillstrom, ACM TOMS 7 (1981), problem 22 (problem 13 is its first block);
/// JuliaSmoothOptimizers/NLSProblems.jl src/mgh22.jl writes the same sum as residuals.
/// </para>
/// </remarks>
internal sealed class ExtendedPowellSingular : ITestProblem, IKnowsDistanceToSolutions
{
    /// <summary>The problem in <paramref name="dimension"/> variables (a positive multiple of 4).</summary>
    public ExtendedPowellSingular(int dimension = 20)
    {
        Dimension = dimension >= 4 && dimension % 4 == 0 ? dimension
            : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The extended Powell function needs a positive multiple of 4 variables.");
    }

    public string Name => "extended-powell";

    public string Title => $"Extended Powell singular (MGH 22), n = {Dimension}";

    public double[] Start
    {
        get
        {
            var x = new double[Dimension];
            for (int i = 0; i < x.Length; i += 4) (x[i], x[i + 1], x[i + 2], x[i + 3]) = (3, -1, 0, 1);
            return x;
        }
    }

    public int Dimension { get; }

    public double OptimalValue => 0;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, Dimension);
        double f = 0;
        for (int i = 0; i < x.Length; i += 4)
        {
            double a = x[i], b = x[i + 1], c = x[i + 2], d = x[i + 3];
            double r1 = a + 10 * b, r2 = c - d, r3 = b - 2 * c, r4 = a - d;
            double r3Cubed = r3 * r3 * r3, r4Cubed = r4 * r4 * r4;
            f += r1 * r1 + 5 * r2 * r2 + r3Cubed * r3 + 10 * r4Cubed * r4;
            gradient[i] = 2 * r1 + 40 * r4Cubed;
            gradient[i + 1] = 20 * r1 + 4 * r3Cubed;
            gradient[i + 2] = 10 * r2 - 8 * r3Cubed;
            gradient[i + 3] = -10 * r2 - 40 * r4Cubed;
        }
        return f;
    }

    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, Dimension);
        return Math.Sqrt(FusedSums.SumOfSquares(x));
    }
}
