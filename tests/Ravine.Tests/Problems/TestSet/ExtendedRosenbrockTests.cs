using Ravine.Objectives;
using Ravine.Problems;
using static Ravine.Tests.Problems.TestSet.Degeneracy;

namespace Ravine.Tests.Problems.TestSet;

public class ExtendedRosenbrockTests : TestSetContract
{
    private static readonly ExtendedRosenbrock Rosenbrock = new();

    private protected override IObjective Problem => Rosenbrock;
    private protected override double[] Start => Rosenbrock.Start;
    private protected override double[] Minimizer => Ones(10);

    // 24.2 per pair (the classical Rosenbrock value at (−1.2, 1)).
    private protected override double StartValue => 121;

    [Fact]
    public void Hessian_at_the_minimizer_is_positive_definite()
    {
        Assert.True(Eigenvalues(Hessian(Rosenbrock, Minimizer))[0] > 0.1);
    }
}
