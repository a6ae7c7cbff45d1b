using Ravine.Objectives;

namespace Ravine.Problems;

/// <summary>
/// The trigonometric function made singular by the Schnabel–Frank construction: f(x) = ‖F̂(x)‖² with
/// F̂ᵢ(x) = n − Σⱼ cos xⱼ + i(1 − cos xᵢ) − sin xᵢ + s, s = (1/n)Σⱼ xⱼ, i = 1…n (default n = 10),
/// x0 = (1/n, …, 1/n), x* = 0, f* = 0.
/// </summary>
/// <remarks>
/// <para>
/// F is MGH problem 26, whose Jacobian at 0 is −I; Schnabel &amp; Frank (SIAM J. Numer. Anal. 21, 1984) set
/// F̂(x) = F(x) − F'(x*)A(AᵀA)⁻¹Aᵀ(x − x*), here with A = (1, …, 1)ᵀ, which adds s to every residual and makes
/// F̂'(0) = −(I − 11ᵀ/n) of rank n − 1. The Hessian at 0 is 2(I − 11ᵀ/n): quadratic growth on 1^⊥, and along 1
/// F̂(t·1) = (n + i)t²/2 + O(t³), so f(t·1) ≈ (t⁴/4)Σᵢ(n + i)²: a one-dimensional quartic ravine. The standard start
/// lies on it: x0 − x* = (1/n)·1. F̂ has other zeros (not in closed form; F has many), so no distance is offered.
/// </para>
/// <para>
/// Numerics: 1 − cos xⱼ is evaluated as 2 sin²(xⱼ/2), so the residuals keep their relative accuracy next to x*
/// instead of bottoming out at n·ε from the cancellation in n − Σ cos xⱼ.
/// </para>
/// <para>
/// Source of F and x0: Moré, Garbow, Hillstrom, ACM TOMS 7 (1981), problem 26; JuliaSmoothOptimizers/NLSProblems.jl
/// src/mgh26.jl.
/// </para>
/// </remarks>
internal sealed class SingularTrigonometric : ITestProblem
{
    /// <summary>The problem in <paramref name="dimension"/> ≥ 2 variables.</summary>
    public SingularTrigonometric(int dimension = 10)
    {
        if (dimension < 2)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The dimension must be ≥ 2.");
        Dimension = dimension;
    }

    public string Name => "singular-trigonometric";

    public string Title => $"Singular trigonometric (Schnabel–Frank, rank n − 1), n = {Dimension}";

    public double[] Start
    {
        get
        {
            var start = new double[Dimension];
            Array.Fill(start, 1.0 / Dimension);
            return start;
        }
    }

    public int Dimension { get; }

    public double OptimalValue => 0;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        int n = Dimension;
        ProblemArguments.Check(x, gradient, n);
        double shared = 0, s = 0, weighted = 0, sines = 0;
        for (int j = 0; j < n; j++)
        {
            double oneMinusCos = OneMinusCos(x[j]);
            shared += oneMinusCos;
            weighted += (j + 1) * oneMinusCos;
            sines += Math.Sin(x[j]);
            s += x[j];
        }
        s /= n;
        shared += s; // every residual carries Σ(1 − cos xⱼ) + s
        double sumOfResiduals = n * shared + weighted - sines;

        // ∂F̂ᵢ/∂xⱼ = sin xⱼ + δᵢⱼ(i sin xᵢ − cos xᵢ) + 1/n, so ∇f = 2[(sin xⱼ + 1/n)ΣF̂ + (j sin xⱼ − cos xⱼ)F̂ⱼ].
        double f = 0;
        for (int j = 0; j < n; j++)
        {
            double sin = Math.Sin(x[j]), cos = Math.Cos(x[j]);
            double r = shared + (j + 1) * OneMinusCos(x[j]) - sin;
            f += r * r;
            gradient[j] = 2 * ((sin + 1.0 / n) * sumOfResiduals + ((j + 1) * sin - cos) * r);
        }
        return f;
    }

    private static double OneMinusCos(double v)
    {
        double half = Math.Sin(v / 2);
        return 2 * half * half;
    }
}
