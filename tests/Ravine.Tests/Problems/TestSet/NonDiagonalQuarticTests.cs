using Ravine.Objectives;
using Ravine.Problems;
using static Ravine.Tests.Problems.ProblemTestMath;
using static Ravine.Tests.Problems.TestSet.Degeneracy;

namespace Ravine.Tests.Problems.TestSet;

public class NonDiagonalQuarticTests : TestSetContract
{
    private static readonly NonDiagonalQuartic Quartic = new();

    private protected override IObjective Problem => Quartic;
    private protected override double[] Start => Quartic.Start;
    private protected override double[] Minimizer => new double[100];

    // Each xᵢ + xᵢ₊₁ is 0, so the 98 quartic terms are (xₙ)⁴ = 1; (x₁ − x₂)² = (xₙ₋₁ − xₙ)² = 4.
    private protected override double StartValue => 106;

    [Fact]
    public void Hessian_at_the_minimizer_has_rank_2()
    {
        var small = new NonDiagonalQuartic(10);
        Assert.Equal(2, Rank(Hessian(small, new double[10])));
    }

    [Fact]
    public void Growth_along_ones_is_exactly_quartic()
    {
        // Every quartic term is (3t)⁴ and both squares vanish.
        double t = 0.01, expected = 81 * 98 * Math.Pow(t, 4);
        Assert.Equal(expected, Value(Quartic, Add(Minimizer, Ones(100), t)), expected * 1e-12);
    }

    [Fact]
    public void Growth_is_quadratic_along_the_two_squares()
    {
        double[] across = Axis(100, 0);
        across[1] = -1;
        Assert.Equal(2, GrowthOrder(Quartic, Minimizer, across, 1e-4), 0.01);
    }

    [Fact]
    public void Odd_or_small_dimensions_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NonDiagonalQuartic(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NonDiagonalQuartic(2));
    }
}
