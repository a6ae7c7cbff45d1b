using Ravine.Problems;

namespace Ravine.Tests.Problems;

/// <summary>The capability interfaces the CLI asks a problem about instead of its concrete type.</summary>
public class ProblemCapabilityTests
{
    [Fact]
    public void The_factored_problems_are_the_low_rank_ones_and_their_factor_fills_the_variable()
    {
        var factored = ProblemRegistry.All.Where(p => !p.NeedsExternalData)
            .Select(p => p.Generate(ProblemRegistry.DefaultSeed)).OfType<IFactoredProblem>().ToArray();
        Assert.Equal(["matrix-factorization", "quadratic-sensing"], factored.Select(p => ((ITestProblem)p).Name).Order(StringComparer.Ordinal));
        foreach (var problem in factored)
            Assert.Equal(((ITestProblem)problem).Dimension, problem.AmbientDimension * problem.Width);
    }

    [Fact]
    public void A_sensing_instance_offers_its_held_out_data_and_its_threads()
    {
        var withHeldOut = QuadraticSensing.Generate(1, heldOut: 50);
        Assert.Same(withHeldOut.HeldOut, ((IHasHeldOutData)withHeldOut).HeldOutProblem);
        Assert.Null(((IHasHeldOutData)QuadraticSensing.Generate(1)).HeldOutProblem);
        IUsesThreads threads = withHeldOut;
        threads.MaxDegreeOfParallelism = 2;
        Assert.Equal(2, withHeldOut.MaxDegreeOfParallelism);
        Assert.Throws<ArgumentOutOfRangeException>(() => threads.MaxDegreeOfParallelism = 0);
        Assert.IsNotAssignableFrom<IUsesThreads>(ProblemRegistry.Generate("single-neuron"));
    }
}
