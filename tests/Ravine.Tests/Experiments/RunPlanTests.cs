using Ravine.Experiments;
using Ravine.Instances;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;
using Ravine.Tests.IO;

namespace Ravine.Tests.Experiments;

public class RunPlanTests
{
    private static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Fact]
    public void Unset_settings_come_from_the_published_ones()
    {
        var plan = RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock" });
        Assert.Equal(new PublishedSettings(0.0125, 100, 50), plan.MethodSettings);
        Assert.Equal(new GdPolyak(0.0125, 100, 50, 0), plan.Method);
        Assert.Equal(50 * 101, plan.Options.MaxIterations);
        Assert.Equal(Bits(QuarticRosenbrock.Generate(ProblemSuite.PublishedSeed).Start), Bits(plan.Start));
    }

    [Fact]
    public void Given_settings_override_the_published_ones()
    {
        var plan = RunPlan.Create(new RunSettings
        {
            Problem = "quartic-rosenbrock", Method = "GD", Stepsize = 0.01, ShortSteps = 10, Epochs = 2, OptimalValue = -1, Seed = 9, MaxIterations = 5,
        });
        Assert.Equal("gd", plan.MethodName);
        Assert.Equal(new GradientDescent(0.01), plan.Method);
        Assert.Equal(-1, plan.OptimalValue);
        Assert.Equal(5, plan.Options.MaxIterations);
        Assert.Equal(Bits(QuarticRosenbrock.Generate(9).Start), Bits(plan.Start));
    }

    [Fact]
    public void The_baselines_budget_is_K_times_epochs()
    {
        var plan = RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", Method = "polyak", ShortSteps = 7, Epochs = 3 });
        Assert.Equal(21, plan.Options.MaxIterations);
    }

    [Fact]
    public void An_unknown_method_fails_before_any_data_is_read()
    {
        var e = Assert.Throws<ArgumentException>(() => RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", Data = "/no/such/folder", Method = "newton" }));
        Assert.Contains("Unknown method 'newton'", e.Message);
    }

    [Fact]
    public void A_run_on_saved_data_has_a_bit_identical_trace()
    {
        using var scratch = new ScratchFolder();
        var settings = new RunSettings { Problem = "quartic-rosenbrock", Seed = 7, Epochs = 5 };
        InstanceFormats.Save(ProblemSuite.Generate("quartic-rosenbrock", 7), scratch.Root);
        var generated = RunPlan.Create(settings);
        var loaded = RunPlan.Create(settings with { Data = scratch.Root, Seed = 1 });
        var a = Minimizer.Minimize(generated.Problem, generated.Start, generated.Method, generated.Options);
        var b = Minimizer.Minimize(loaded.Problem, loaded.Start, loaded.Method, loaded.Options);
        Assert.Equal(5 * 101, a.Iterations);
        Assert.True(a.Trace.NumericallyIdentical(b.Trace));
    }

    [Fact]
    public void Invalid_settings_throw_naming_the_option()
    {
        Assert.Equal("eta", Assert.Throws<ArgumentOutOfRangeException>(() => new RunSettings { Problem = "p", Stepsize = -1 }).ParamName);
        Assert.Equal("eta", Assert.Throws<ArgumentOutOfRangeException>(() => new RunSettings { Problem = "p", Stepsize = double.NaN }).ParamName);
        Assert.Equal("fstar", Assert.Throws<ArgumentOutOfRangeException>(() => new RunSettings { Problem = "p", OptimalValue = double.PositiveInfinity }).ParamName);
    }
}
