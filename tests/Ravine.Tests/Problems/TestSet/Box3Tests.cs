using Ravine.Objectives;
using Ravine.Problems;
using static Ravine.Tests.Problems.ProblemTestMath;
using static Ravine.Tests.Problems.TestSet.Degeneracy;

namespace Ravine.Tests.Problems.TestSet;

public class Box3Tests : TestSetContract
{
    private static readonly Box3 Box = new();

    private protected override IObjective Problem => Box;
    private protected override double[] Start => Box.Start;
    private protected override double[] Minimizer => [1, 10, 1];

    // Σᵢ₌₁¹⁰ (1 − e^{−i} − 20(e^{−i/10} − e^{−i}))², evaluated in 30-digit arithmetic (published: 1031.15).
    private protected override double StartValue => 1031.15381060939834906206617932;

    [Theory]
    [InlineData(-2.0)]
    [InlineData(0.0)]
    [InlineData(3.7)]
    public void Every_point_of_the_line_a_a_0_is_a_minimizer(double a)
    {
        double[] x = [a, a, 0];
        Assert.Equal(0, Value(Box, x));
        Assert.Equal(0, Box.DistanceToSolutions(x));
    }

    [Fact]
    public void The_second_isolated_point_is_a_minimizer()
    {
        Assert.InRange(Value(Box, [10, 1, -1]), 0, 1e-28);
        Assert.Equal(0, Box.DistanceToSolutions([10, 1, -1]));
    }

    [Fact]
    public void Hessian_on_the_line_has_rank_2_with_the_line_as_null_direction()
    {
        double[] onLine = [2, 2, 0];
        var hessian = Hessian(Box, onLine);
        Assert.Equal(2, Rank(hessian));
        var along = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense([1.0, 1.0, 0.0]);
        Assert.InRange((hessian * along).L2Norm(), 0, 1e-8);
        Assert.Equal(2, GrowthOrder(Box, onLine, [1, -1, 0], 1e-4), 0.01);
    }

    [Fact]
    public void Hessian_at_the_isolated_minimizer_is_positive_definite()
    {
        Assert.True(Eigenvalues(Hessian(Box, Minimizer))[0] > 0);
        Assert.Equal(3, Rank(Hessian(Box, Minimizer)));
    }

    [Fact]
    public void Distance_is_to_the_nearest_piece_of_the_solution_set()
    {
        Assert.Equal(Math.Sqrt(0.5 * 0.5 + 0.5 * 0.5 + 0.25), Box.DistanceToSolutions([5.5, 4.5, 0.5]), 1e-14);
        Assert.Equal(0.1, Box.DistanceToSolutions([1, 10, 1.1]), 1e-14);
        Assert.Equal(Math.Sqrt(1 + 19 * 19), Box.DistanceToSolutions(Start), 1e-12); // nearer (1, 10, 1) than the line (√450)
    }
}
