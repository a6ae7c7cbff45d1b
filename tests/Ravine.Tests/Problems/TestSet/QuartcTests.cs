using Ravine.Objectives;
using Ravine.Problems;
using static Ravine.Tests.Problems.ProblemTestMath;
using static Ravine.Tests.Problems.TestSet.Degeneracy;

namespace Ravine.Tests.Problems.TestSet;

public class QuartcTests : TestSetContract
{
    private static readonly Quartc Quartic = new();

    private protected override IObjective Problem => Quartic;
    private protected override double[] Start => Quartic.Start;
    private protected override double[] Minimizer => Enumerable.Range(1, 10).Select(i => (double)i).ToArray();

    // Σᵢ₌₁¹⁰ (2 − i)⁴ = 1 + 0 + 1 + 16 + 81 + 256 + 625 + 1296 + 2401 + 4096.
    private protected override double StartValue => 8773;

    [Fact]
    public void Hessian_at_the_minimizer_is_zero()
    {
        Assert.All(Hessian(Quartic, Minimizer).Enumerate(), h => Assert.InRange(Math.Abs(h), 0, 1e-8));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Growth_along_each_axis_is_exactly_t_to_the_fourth(int axis)
    {
        double t = 1.0 / 64;
        Assert.Equal(Math.Pow(t, 4), Value(Quartic, Add(Minimizer, Axis(10, axis), t)));
        Assert.Equal(4, GrowthOrder(Quartic, Minimizer, Ones(10), t), 1e-12);
    }

    [Fact]
    public void Distance_is_to_one_through_n()
    {
        // ‖(2 − i)ᵢ‖² = Σᵢ₌₁¹⁰ (i − 2)² = 1 + 0 + 1 + 4 + … + 64 = 205.
        Assert.Equal(Math.Sqrt(205), Quartic.DistanceToSolutions(Start), 1e-13);
    }

    [Fact]
    public void Adaptive_gdpolyak_reduces_the_gap_by_many_orders() => Convergence.AssertAdaptiveGdPolyakReduces(Quartic, Quartic.Start, 1e-8);
}
