using Ravine.Objectives;
using Ravine.Problems;
using static Ravine.Tests.Problems.ProblemTestMath;
using static Ravine.Tests.Problems.TestSet.Degeneracy;

namespace Ravine.Tests.Problems.TestSet;

public class DeepLinearChainTests : TestSetContract
{
    private static readonly DeepLinearChain Chain = new();

    private protected override IObjective Problem => Chain;
    private protected override double[] Start => Chain.Start;
    private protected override double[] Minimizer => Ones(4);

    // ½(1 − 1/16)² = ½ · 225/256.
    private protected override double StartValue => 225.0 / 512;

    [Fact]
    public void Every_point_of_the_valley_is_a_minimizer()
    {
        Assert.Equal(0, Value(Chain, [2, 0.5, -4, -0.25]));
    }

    [Fact]
    public void Hessian_at_a_minimizer_has_rank_1()
    {
        Assert.Equal(1, Rank(Hessian(Chain, Minimizer)));
        Assert.Equal(1, Rank(Hessian(Chain, [2, 0.5, 1, 1])));
    }

    [Fact]
    public void Growth_is_quartic_along_a_tangent_of_the_valley_and_quadratic_across()
    {
        // (1 + t)(1 − t) = 1 − t², so f = ½t⁴ exactly along the tangent (1, −1, 0, 0).
        double t = 1e-3;
        Assert.Equal(0.5, Value(Chain, Add(Minimizer, [1, -1, 0, 0], t)) / Math.Pow(t, 4), 1e-6);
        Assert.Equal(2, GrowthOrder(Chain, Minimizer, Ones(4), 1e-5), 0.01);
    }

    [Fact]
    public void Gradient_is_right_when_a_layer_is_zero()
    {
        var g = new double[4];
        Chain.Evaluate([0, 2, 3, 1], g);
        Assert.Equal([-6, 0, 0, 0], g);
    }

    [Fact]
    public void Adaptive_gdpolyak_reduces_the_gap_by_many_orders() => Convergence.AssertAdaptiveGdPolyakReduces(Chain, Chain.Start, 1e-8);
}
