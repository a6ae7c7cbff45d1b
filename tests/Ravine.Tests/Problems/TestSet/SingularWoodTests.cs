using Ravine.Objectives;
using Ravine.Problems;
using static Ravine.Tests.Problems.ProblemTestMath;
using static Ravine.Tests.Problems.TestSet.Degeneracy;

namespace Ravine.Tests.Problems.TestSet;

public class SingularWoodTests : TestSetContract
{
    private static readonly SingularWood Wood = new();

    private protected override IObjective Problem => Wood;
    private protected override double[] Start => Wood.Start;
    private protected override double[] Minimizer => Ones(4);

    // s = −3, F̂ = F + 3w = (−130, 1, −13√90, 1, 2√10, 0): 16900 + 1 + 15210 + 1 + 40.
    private protected override double StartValue => 32152;

    [Fact]
    public void Hessian_at_the_minimizer_has_rank_3()
    {
        Assert.Equal(3, Rank(Hessian(Wood, Minimizer)));
    }

    [Fact]
    public void Growth_is_quartic_along_ones_with_constant_190()
    {
        double t = 1e-3;
        Assert.Equal(190, Value(Wood, Add(Minimizer, Ones(4), t)) / Math.Pow(t, 4), 190 * 1e-2);
        Assert.Equal(4, GrowthOrder(Wood, Minimizer, Ones(4), t), 0.01);
    }

    [Fact]
    public void Growth_is_quadratic_across_the_ravine()
    {
        Assert.Equal(2, GrowthOrder(Wood, Minimizer, [1, -1, 1, -1], 1e-4), 0.01);
    }
}
