using Ravine.Objectives;

namespace Ravine.Problems;

/// <summary>
/// A deep linear network of scalar layers fitting the target 1: f(w) = ½(w₁w₂⋯w_N − 1)², N = 4 layers by default,
/// x0 = (½, …, ½), f* = 0, f(x0) = ½(1 − 2⁻ᴺ)² (225/512 for N = 4).
/// </summary>
/// <remarks>
/// <para>
/// The minimizers form the (N − 1)-dimensional valley w₁⋯w_N = 1. Since f = ½r² with r = 0 there, the Hessian at a
/// minimizer is ∇p∇pᵀ (p the product): rank 1, flat along the N − 1 directions of the valley and quadratic across
/// it. Along a straight tangent line of the valley f grows like t⁴ (at 1, the direction (1, −1, 0, …) gives
/// p = 1 − t² and f = ½t⁴), but the distance to the curved valley grows like t² there, so f grows quadratically
/// with that distance: a degenerate, non-isolated minimum without fourth-order growth, the landscape depth adds to
/// linear regression. The origin is a saddle of order N; the start lies between it and the valley. The distance to
/// the valley has no closed form and is not provided.
/// </para>
/// <para>
/// Source: Arora, Cohen, Hazan, "On the optimization of deep networks: implicit acceleration by
/// overparameterization", ICML 2018 (scalar linear networks as the depth-N model of ℓ₂ regression); Saxe,
/// McClelland, Ganguli, ICLR 2014 (the dynamics of deep linear networks).
/// </para>
/// </remarks>
internal sealed class DeepLinearChain : ITestProblem
{
    /// <summary>The chain of <paramref name="depth"/> scalar layers (at least 2).</summary>
    public DeepLinearChain(int depth = 4)
    {
        Dimension = depth >= 2 ? depth
            : throw new ArgumentOutOfRangeException(nameof(depth), depth, "A deep linear chain needs at least two layers.");
    }

    public string Name => "deep-linear-chain";

    public string Title => $"Deep linear chain of {Dimension} scalar layers";

    public double[] Start => Enumerable.Repeat(0.5, Dimension).ToArray();

    public int Dimension { get; }

    public double OptimalValue => 0;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, Dimension);
        // ∂p/∂wᵢ is the product of the other layers: prefix products forward, then suffix products backward,
        // so a zero layer needs no division.
        double prefix = 1;
        for (int i = 0; i < x.Length; i++)
        {
            gradient[i] = prefix;
            prefix *= x[i];
        }
        double r = prefix - 1, suffix = 1;
        for (int i = x.Length - 1; i >= 0; i--)
        {
            gradient[i] *= suffix * r;
            suffix *= x[i];
        }
        return 0.5 * r * r;
    }
}
