using Ravine.Objectives;
using Ravine.Problems;
using static Ravine.Tests.Problems.ProblemTestMath;
using static Ravine.Tests.Problems.TestSet.Degeneracy;

namespace Ravine.Tests.Problems.TestSet;

public class CraggLevyTests : TestSetContract
{
    private static readonly CraggLevy Cragg = new();

    private protected override IObjective Problem => Cragg;
    private protected override double[] Start => Cragg.Start;
    private protected override double[] Minimizer => [0, 1, 1, 1];

    // (e − 2)⁴ + 0 + 0 + 1⁸ + (2 − 1)², evaluated in 30-digit arithmetic.
    private protected override double StartValue => 2.26618251128905507268308393672;

    [Fact]
    public void Hessian_at_the_minimizer_is_diag_0_0_0_2()
    {
        var hessian = Hessian(Cragg, Minimizer);
        Assert.Equal(1, Rank(hessian));
        Assert.Equal(2, hessian[3, 3], 1e-8);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 4)]
    [InlineData(2, 4)]
    [InlineData(3, 2)]
    public void Growth_along_each_axis_has_the_stated_order(int axis, int order)
    {
        Assert.Equal(order, GrowthOrder(Cragg, Minimizer, Axis(4, axis), 1e-4), 0.01);
    }

    [Fact]
    public void Growth_along_the_curve_x2_equals_exp_x1_is_sixth_order()
    {
        // (s, e^s, 1, 1) zeroes every term but 100(e^s − 1)⁶ + s⁸.
        foreach (double s in new[] { 1e-2, 1e-3 })
        {
            double f = Value(Cragg, [s, Math.Exp(s), 1, 1]);
            Assert.Equal(100, f / Math.Pow(s, 6), 100 * 4 * s);
        }
    }
}
