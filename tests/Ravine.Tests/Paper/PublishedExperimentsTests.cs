using Ravine.Cli.Paper;
using Ravine.Methods;
using Ravine.Problems;

namespace Ravine.Tests.Paper;

public class PublishedExperimentsTests
{
    [Fact]
    public void The_paper_budgets_are_epochs_times_K_plus_one_for_GDPolyak_and_K_times_epochs_for_the_rest()
    {
        var rosenbrock = PublishedExperiments.For("quartic-rosenbrock")!;
        Assert.Equal(5050, rosenbrock.GdPolyakSteps);
        Assert.Equal(5000, rosenbrock.BaselineSteps);
        Assert.Equal(["gdpolyak", "gd", "polyak"], PublishedExperiments.Methods);
    }

    [Fact]
    public void Every_published_experiment_is_on_a_registered_problem()
    {
        foreach (var experiment in PublishedExperiments.All)
            Assert.Equal(experiment.Problem, ProblemRegistry.Find(experiment.Problem).Name);
    }

    [Fact]
    public void The_published_stepsize_goes_to_the_constant_step_methods_only()
    {
        var sensing = PublishedExperiments.For("quadratic-sensing")!;
        Assert.Equal(new Dictionary<string, string> { ["eta"] = "0.05", ["K"] = "300", ["epochs"] = "50" }, sensing.MethodDefaults(GdPolyak.Descriptor));
        Assert.Equal(new Dictionary<string, string> { ["eta"] = "0.05" }, sensing.MethodDefaults(GradientDescent.Descriptor));
        Assert.Empty(sensing.MethodDefaults(Adam.Descriptor));
        Assert.Empty(sensing.MethodDefaults(LBfgs.Descriptor));
    }

    [Fact]
    public void Quick_keeps_a_fifth_of_the_epochs_and_at_least_two()
    {
        Assert.Equal(10, PublishedExperiments.For("quadratic-sensing")!.Quick().Epochs);
        Assert.Equal(2, new PublishedExperiment("x", 1, 1, 3).Quick().Epochs);
    }

    [Fact]
    public void A_problem_the_paper_did_not_run_has_no_experiment()
    {
        Assert.Null(PublishedExperiments.For("no-such-problem"));
    }
}
