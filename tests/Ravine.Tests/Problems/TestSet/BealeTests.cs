using Ravine.Objectives;
using Ravine.Problems;
using static Ravine.Tests.Problems.TestSet.Degeneracy;

namespace Ravine.Tests.Problems.TestSet;

public class BealeTests : TestSetContract
{
    private static readonly Beale BealeFunction = new();

    private protected override IObjective Problem => BealeFunction;
    private protected override double[] Start => BealeFunction.Start;
    private protected override double[] Minimizer => [3, 0.5];

    // 1.5² + 2.25² + 2.625².
    private protected override double StartValue => 14.203125;

    [Fact]
    public void Hessian_at_the_minimizer_is_positive_definite()
    {
        Assert.True(Eigenvalues(Hessian(BealeFunction, Minimizer))[0] > 0.1);
    }
}
