using Ravine.Objectives;
using Ravine.Problems;
using static Ravine.Tests.Problems.ProblemTestMath;
using static Ravine.Tests.Problems.TestSet.Degeneracy;

namespace Ravine.Tests.Problems.TestSet;

public class SingularRosenbrockTests : TestSetContract
{
    private static readonly SingularRosenbrock Rosenbrock = new();

    private protected override IObjective Problem => Rosenbrock;
    private protected override double[] Start => Rosenbrock.Start;
    private protected override double[] Minimizer => Ones(10);

    // s = −1.1; per pair F̂ = (10(1 − 1.44) − 11, 2.2 − 1.1) = (−15.4, 1.1): 5 · (237.16 + 1.21).
    private protected override double StartValue => 1191.85;

    [Fact]
    public void Hessian_at_the_minimizer_has_rank_n_minus_1_with_null_vector_ones()
    {
        var hessian = Hessian(Rosenbrock, Minimizer);
        Assert.Equal(9, Rank(hessian));
        var ones = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(Ones(10));
        Assert.InRange((hessian * ones).L2Norm(), 0, 1e-6);
    }

    [Fact]
    public void Growth_is_quartic_along_ones_with_constant_50n()
    {
        double t = 1e-3;
        Assert.Equal(50 * 10, Value(Rosenbrock, Add(Minimizer, Ones(10), t)) / Math.Pow(t, 4), 50 * 10 * 1e-2);
        Assert.Equal(4, GrowthOrder(Rosenbrock, Minimizer, Ones(10), t), 0.01);
    }

    [Fact]
    public void Growth_is_quadratic_across_the_ravine()
    {
        double[] across = [1, -1, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal(2, GrowthOrder(Rosenbrock, Minimizer, across, 1e-4), 0.01);
    }

    [Fact]
    public void Distance_is_the_distance_to_ones()
    {
        Assert.Equal(Math.Sqrt(5 * 2.2 * 2.2), Rosenbrock.DistanceToSolutions(Start), 1e-14);
    }
}
