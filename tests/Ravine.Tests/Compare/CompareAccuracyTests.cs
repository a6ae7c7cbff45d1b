using Ravine.Cli.Compare;
using Ravine.Methods;
using Ravine.Problems;
using Ravine.Tests.Problems;

namespace Ravine.Tests.Compare;

public class CompareAccuracyTests
{
    private static MethodSetting Gd(double eta) => new(MethodRegistry.Find("gd").Resolve(new Dictionary<string, string> { ["eta"] = eta.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

    [Theory]
    [InlineData(0.1, 1.0)]
    [InlineData(0.001, 0.0)]
    public void A_run_on_a_problem_that_knows_its_accuracy_reports_it_at_the_point_of_record(double eta, double expected)
    {
        var problem = new ProblemDescriptor("signs", "signs", _ => new SignProblem());
        var run = RunMeasurement.Run(problem, 1, 0, perturbStart: false, Gd(eta), maxCalls: 100, targets: [1e-6]);
        Assert.Equal(100, run.OracleCalls);
        Assert.Equal(expected, run.TrainAccuracy);
        Assert.Equal(expected, run.TestAccuracy);
    }

    [Fact]
    public void A_run_on_a_problem_that_does_not_know_its_accuracy_reports_none()
    {
        var run = RunMeasurement.Run(ProblemRegistry.Find("quartic-rosenbrock"), 1, 0, perturbStart: false, Gd(0.0125), maxCalls: 50, targets: [1e-6]);
        Assert.Null(run.TrainAccuracy);
        Assert.Null(run.TestAccuracy);
    }
}
