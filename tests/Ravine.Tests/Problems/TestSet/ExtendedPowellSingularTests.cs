using Ravine.Objectives;
using Ravine.Problems;
using static Ravine.Tests.Problems.ProblemTestMath;
using static Ravine.Tests.Problems.TestSet.Degeneracy;

namespace Ravine.Tests.Problems.TestSet;

public class ExtendedPowellSingularTests : TestSetContract
{
    private static readonly ExtendedPowellSingular Powell = new();

    private protected override IObjective Problem => Powell;
    private protected override double[] Start => Powell.Start;
    private protected override double[] Minimizer => new double[20];

    // Per block (3, −1, 0, 1): (3 − 10)² + 5(0 − 1)² + (−1 − 0)⁴ + 10(3 − 1)⁴ = 49 + 5 + 1 + 160 = 215, five blocks.
    private protected override double StartValue => 1075;

    [Fact]
    public void Hessian_at_the_minimizer_has_rank_n_over_2()
    {
        Assert.Equal(2, Rank(Hessian(new ExtendedPowellSingular(4), new double[4])));
        Assert.Equal(10, Rank(Hessian(Powell, Minimizer)));
    }

    [Fact]
    public void Growth_is_quartic_along_a_null_direction_with_constant_100001()
    {
        double[] flat = new double[20];
        (flat[4], flat[5]) = (10, -1);
        double t = 1e-3;
        Assert.Equal(100001, Value(Powell, Add(Minimizer, flat, t)) / Math.Pow(t, 4), 100001 * 1e-12);
        Assert.Equal(4, GrowthOrder(Powell, Minimizer, flat, t), 0.01);
        var hessian = Hessian(Powell, Minimizer);
        Assert.InRange((hessian * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(flat)).L2Norm(), 0, 1e-6);
    }

    [Fact]
    public void Growth_is_quadratic_across_the_flat_subspace()
    {
        Assert.Equal(2, GrowthOrder(Powell, Minimizer, Axis(20, 0), 1e-5), 0.01);
    }

    [Fact]
    public void Dimensions_not_a_multiple_of_4_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtendedPowellSingular(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtendedPowellSingular(0));
    }

    [Fact]
    public void Adaptive_gdpolyak_reduces_the_gap_by_many_orders() => Convergence.AssertAdaptiveGdPolyakReduces(Powell, Powell.Start, 1e-8);
}
