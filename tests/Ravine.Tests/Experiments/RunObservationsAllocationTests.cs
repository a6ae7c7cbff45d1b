using Ravine.Cli.Experiments;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;
using Ravine.Tests.Optimization;

using static Ravine.Tests.Optimization.AllocationMeasurement;

namespace Ravine.Tests.Experiments;

[Collection(AllocationMeasurementCollection.Name)]
public class RunObservationsAllocationTests
{
    // The same number of epochs (what the observations store) over 20 times the iterations: what is left is per iteration.
    [Theory]
    [InlineData("gd")]
    [InlineData("gdpolyak")]
    public void Observing_a_run_allocates_nothing_per_iteration(string method)
    {
        var problem = new QuarticRosenbrock();
        long Run(int shortSteps)
        {
            IMethod Method() => method == "gd" ? new GradientDescent(0.0125) : new GdPolyak(0.0125, shortSteps, 3, 0);
            return AllocatedBy(() =>
            {
                var observations = new RunObservations(problem, 3 * (shortSteps + 1));
                Minimizer.Minimize(problem, problem.Start, Method(), new MinimizeOptions
                {
                    RecordTrace = false,
                    MaxIterations = 3 * (shortSteps + 1),
                    Observer = (in IterationInfo info) => { observations.Observe(in info); return ObserverAction.Continue; },
                });
            });
        }
        Assert.Equal(Run(100), Run(2000));
    }
}
