using Ravine.Cli.Experiments;
using Ravine.Cli.Output;
using Ravine.Cli.Paper;
using Ravine.Problems;

namespace Ravine.Tests.Paper;

/// <summary>The paper's single-neuron "distance", a surrogate that squares ratios (ALGORITHMS.md), offered beside ours.</summary>
public class SingleNeuronSurrogateTests
{
    [Fact]
    public void The_surrogate_is_the_squared_distance_over_4_alpha_1_minus_alpha_of_the_nearest_solution()
    {
        var problem = SingleNeuron.Generate(7, inputDimension: 3);
        var v = problem.Teacher;
        // u ⟂ v, added to w1 and taken from w2: the nearest solution stays (0.3v, 0.7v), at distance √2·δ‖u‖.
        double[] u = [v[1], -v[0], 0];
        const double delta = 1e-3;
        var x = problem.SolutionPoint(0.3);
        for (int i = 0; i < 3; i++) { x[i] += delta * u[i]; x[3 + i] -= delta * u[i]; }
        double d = problem.DistanceToSolutions(x);
        Assert.Equal(2 * delta * delta * (u[0] * u[0] + u[1] * u[1]), d * d, 1e-15);
        Assert.Equal(0.3, SingleNeuronSurrogate.Split(problem, x), 12);
        Assert.Equal(d * d / (4 * 0.3 * 0.7), SingleNeuronSurrogate.Of(problem, x, d), 1e-15);
    }

    [Fact]
    public void The_reports_offer_the_surrogate_as_a_labelled_column_for_the_single_neuron_only()
    {
        var plan = new ExperimentPlan { Problems = ["quartic-rosenbrock", "single-neuron"], Methods = ["gdpolyak"], Seed = PublishedExperiments.Seed, Quick = true };
        var runs = Runner.Run(plan);
        int column = Array.IndexOf(ResultRows.Header, SingleNeuronSurrogate.ColumnTitle);
        Assert.True(column >= 0);
        var neuron = runs.Single(r => r.Key.Problem == "single-neuron");
        double alpha = SingleNeuronSurrogate.Split((SingleNeuron)ProblemRegistry.Generate("single-neuron", plan.Seed), neuron.Result.X);
        Assert.Equal(Numbers.Sci(neuron.BestDistance * neuron.BestDistance / (4 * alpha * (1 - alpha))), ResultRows.Row(neuron)[column]);
        Assert.Equal("—", ResultRows.Row(runs.Single(r => r.Key.Problem == "quartic-rosenbrock"))[column]);
        Assert.Equal<double?>(neuron.PaperDistanceSurrogate, RunSummary.From(neuron).PaperDistanceSurrogate);
        Assert.Null(RunSummary.From(runs.Single(r => r.Key.Problem == "quartic-rosenbrock")).PaperDistanceSurrogate);
        var summary = new ExperimentSummary
        {
            Version = "test", CommandLine = "ravine reproduce", Seed = plan.Seed, Quick = true, Cancelled = false, StartedUtc = DateTimeOffset.UnixEpoch,
            WallSeconds = 1, Runs = runs.Select(RunSummary.From).ToArray(), Claims = PaperClaims.Check(runs),
        };
        Assert.Contains(SingleNeuronSurrogate.Explanation, MarkdownReport.Render(summary, runs));
        Assert.Contains("is not a distance but a surrogate", HtmlReport.Render(summary, runs, new Dictionary<string, IReadOnlyList<Figures.Rendered>>()));
    }
}
