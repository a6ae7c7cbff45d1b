using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;
using static Ravine.Tests.Optimization.AllocationMeasurement;

namespace Ravine.Tests.Optimization;

[Collection(AllocationMeasurementCollection.Name)]
public class AllocationTests
{
    [Theory]
    [InlineData("GDPolyak")]
    [InlineData("GD")]
    [InlineData("Polyak")]
    [InlineData("AdGD")]
    [InlineData("GDPolyak-adaptive")]
    public void The_loop_allocates_nothing_per_iteration(string name)
    {
        IMethod Method(int epochs) => name switch
        {
            "GDPolyak" => new GdPolyak(0.0125, 100, epochs, 0),
            "GD" => new GradientDescent(0.0125),
            "AdGD" => new AdaptiveGradientDescent(),
            "GDPolyak-adaptive" => new AdaptiveGdPolyak(0),
            _ => new PolyakStep(0),
        };
        var problem = new QuarticRosenbrock();
        var options = new MinimizeOptions { RecordTrace = false };
        long short_ = AllocatedBy(() => Minimizer.Minimize(problem, problem.Start, Method(1), options with { MaxIterations = 101 }));
        long long_ = AllocatedBy(() => Minimizer.Minimize(problem, problem.Start, Method(20), options with { MaxIterations = 2020 }));
        Assert.Equal(short_, long_);
    }

    [Fact]
    public void Recording_a_trace_allocates_only_its_preallocated_columns()
    {
        var problem = new QuarticRosenbrock();
        long bytes = AllocatedBy(() => Minimizer.Minimize(problem, problem.Start, new GdPolyak(0.0125, 100, 50, 0)));
        // 5,051 rows × (4 + 8 + 7·8 + 1 + 8) bytes ≈ 389 kB of columns; growth by doubling would need about twice that.
        Assert.InRange(bytes, 5051 * 77, 5051 * 77 + 20_000);
    }
}
