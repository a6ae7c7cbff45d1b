using Ravine.Cli.Compare;
using Ravine.Methods;
using Ravine.Problems;

namespace Ravine.Tests.Compare;

public class CompareAccuracyTests
{
    /// <summary>Example i is right when xᵢ has the sign of its label; f = ½‖x − labels‖²; two training and two test examples.</summary>
    private sealed class SignProblem : ITestProblem, IKnowsAccuracy
    {
        private static readonly double[] Labels = [1, -1, 1, -1];
        public string Name => "signs";
        public string Title => "signs";
        public double[] Start => [-1, 1, -1, 1];
        public double OptimalValue => 0;
        public int Dimension => 4;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            double f = 0;
            for (int i = 0; i < 4; i++)
            {
                gradient[i] = x[i] - Labels[i];
                f += 0.5 * gradient[i] * gradient[i];
            }
            return f;
        }

        public double TrainAccuracy(ReadOnlySpan<double> x) => Correct(x, 0);
        public double TestAccuracy(ReadOnlySpan<double> x) => Correct(x, 2);
        private static double Correct(ReadOnlySpan<double> x, int from) =>
            ((Math.Sign(x[from]) == Math.Sign(Labels[from]) ? 1 : 0) + (Math.Sign(x[from + 1]) == Math.Sign(Labels[from + 1]) ? 1 : 0)) / 2.0;
    }

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
