using Ravine.Cli.Experiments;
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
    public void An_instance_too_large_for_memory_is_refused_with_the_command_that_writes_it_to_files()
    {
        var e = Assert.Throws<ArgumentException>(() => RunPlan.Create(new RunSettings { Problem = "quadratic-sensing", Size = "d=1000,m=1000000" }));
        Assert.Equal("size", e.ParamName);
        Assert.IsType<InstanceTooLargeException>(e.InnerException);
        Assert.Equal("m·d = 1,000,000,000 entries per matrix is too large to generate in memory (at most 268,435,456: 2 GiB each for A and B); "
            + "write the instance to files with `ravine generate quadratic-sensing --dimension 1000 --rank 2 --width 4 --measurements 1000000 --out DIR` "
            + "and run it with --data DIR, which streams it. (Parameter 'size')", e.Message);
    }

    [Fact]
    public void Unset_settings_come_from_the_published_experiment()
    {
        var plan = RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock" });
        Assert.Equal(new GdPolyak(0.0125, 100, 50, 0), plan.Method);
        Assert.Equal(new Dictionary<string, object> { ["eta"] = 0.0125, ["K"] = 100L, ["epochs"] = 50L, ["fstar-rule"] = "ratio", ["restart-epochs"] = 10L, ["safeguard"] = "auto" },
            plan.Arguments.Values);
        Assert.Equal(50 * 101, plan.MaxIterations);
        Assert.Equal(Bits(QuarticRosenbrock.Generate(ProblemRegistry.DefaultSeed).Start), Bits(plan.Start));
    }

    [Fact]
    public void Given_settings_override_the_published_ones()
    {
        var plan = RunPlan.Create(new RunSettings
        {
            Problem = "quartic-rosenbrock", Method = "GD", MethodOptions = Options.Of("eta", "0.01"), Seed = 9, MaxIterations = 5,
        });
        Assert.Equal("gd", plan.MethodName);
        Assert.Equal(new GradientDescent(0.01), plan.Method);
        Assert.Equal(5, plan.MaxIterations);
        Assert.Equal(Bits(QuarticRosenbrock.Generate(9).Start), Bits(plan.Start));
    }

    [Fact]
    public void The_optimal_value_goes_to_the_methods_that_use_one()
    {
        var plan = RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", Method = "polyak", OptimalValue = -1 });
        Assert.Equal(new PolyakStep(-1), plan.Method);
        Assert.Equal(-1, plan.Arguments.OptimalValue);
        // A method without Polyak steps would ignore it: refused, not dropped in silence.
        var e = Assert.Throws<ArgumentException>(() => RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", Method = "gd", OptimalValue = -1 }));
        Assert.Equal("fstar", e.ParamName);
        Assert.Null(RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", Method = "gd" }).Arguments.OptimalValue);
    }

    [Fact]
    public void The_baselines_budget_is_the_published_K_times_epochs()
    {
        Assert.Equal(5000, RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", Method = "polyak" }).MaxIterations);
        Assert.Equal(7 * 101, RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", MethodOptions = Options.Of("epochs", "7") }).MaxIterations);
    }

    [Theory]
    [InlineData("gdpolyak-adaptive")]
    [InlineData("adam")]
    [InlineData("lbfgs")]
    public void A_method_the_paper_did_not_run_keeps_the_default_budget_on_a_published_problem(string method)
    {
        // The paper's K·epochs is the budget of its GD and Polyak runs; it would cut another method short or hold it long.
        Assert.Equal(15_000, RunPlan.Create(new RunSettings { Problem = "quadratic-sensing", Method = "gd" }).MaxIterations);
        Assert.Equal(MinimizeOptions.DefaultMaxIterations, RunPlan.Create(new RunSettings { Problem = "quadratic-sensing", Method = method }).MaxIterations);
    }

    [Fact]
    public void Each_method_takes_its_own_options_and_defaults()
    {
        var adam = RunPlan.Create(new RunSettings { Problem = "quadratic-sensing", Method = "adam", MethodOptions = Options.Of("beta1", "0.8") });
        Assert.Equal(new Adam(Adam.DefaultLearningRate, beta1: 0.8), adam.Method);
        var lbfgs = RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", Method = "lbfgs", MethodOptions = Options.Of("memory", "3") });
        Assert.Equal(new LBfgs(3), lbfgs.Method);
    }

    [Fact]
    public void An_option_of_another_method_is_refused_naming_the_methods_options()
    {
        var e = Assert.Throws<ArgumentException>(() => RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", Method = "adam", MethodOptions = Options.Of("memory", "3") }));
        Assert.Equal("memory", e.ParamName);
        Assert.Contains("adam has no option --memory. Its options: --lr, --beta1, --beta2, --epsilon.", e.Message);
    }

    [Fact]
    public void A_bad_value_names_the_option_and_what_it_takes_and_no_dotnet_type()
    {
        var e = Assert.Throws<ArgumentException>(() => RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", MethodOptions = Options.Of("K", "ten") }));
        Assert.Equal("-K takes a whole number ≥ 1, not 'ten'.", e.Message.Split(" (Parameter")[0]);
        e = Assert.Throws<ArgumentException>(() => RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", Method = "gd", MethodOptions = Options.Of("eta", "-1") }));
        Assert.StartsWith("--eta takes a number > 0, not '-1'.", e.Message);
    }

    [Fact]
    public void A_problem_the_paper_did_not_run_takes_each_methods_own_defaults_and_budget()
    {
        var lbfgs = RunPlan.Create(new RunSettings { Problem = "beale", Method = "lbfgs" });
        Assert.Equal(new LBfgs(10), lbfgs.Method);
        Assert.Equal(MinimizeOptions.DefaultMaxIterations, lbfgs.MaxIterations);
        var gdPolyak = RunPlan.Create(new RunSettings { Problem = "singular-wood", MethodOptions = Options.Of("eta", "1e-4", "K", "100", "epochs", "30") });
        Assert.Equal(30 * 101, gdPolyak.MaxIterations);
        var e = Assert.Throws<ArgumentException>(() => RunPlan.Create(new RunSettings { Problem = "beale", Method = "gd" }));
        Assert.Equal("eta", e.ParamName);
        Assert.Contains("gd needs --eta", e.Message);
    }

    [Theory]
    [InlineData("2147483647", "2", 2L * 2147483648)]
    [InlineData("1000000", "3000", 3000L * 1000001)]
    public void Budgets_beyond_the_int_range_are_kept_whole(string k, string epochs, long budget)
    {
        var plan = RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", MethodOptions = Options.Of("K", k, "epochs", epochs) });
        Assert.Equal(budget, plan.MaxIterations);
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
        var settings = new RunSettings { Problem = "quartic-rosenbrock", Seed = 7, MethodOptions = Options.Of("epochs", "5") };
        InstanceFormats.Save(ProblemRegistry.Generate("quartic-rosenbrock", 7), scratch.Root);
        var generated = RunPlan.Create(settings);
        var loaded = RunPlan.Create(settings with { Data = scratch.Root, Seed = 1 });
        var a = Minimizer.Minimize(generated.Problem, generated.Start, generated.Method, new MinimizeOptions { MaxIterations = generated.MaxIterations });
        var b = Minimizer.Minimize(loaded.Problem, loaded.Start, loaded.Method, new MinimizeOptions { MaxIterations = loaded.MaxIterations });
        Assert.Equal(5 * 101, a.Iterations);
        Assert.True(a.Trace.NumericallyIdentical(b.Trace));
    }

    [Fact]
    public void A_start_perturbation_starts_where_compare_and_versus_start_that_seed_and_never_beside_a_start_file()
    {
        var problem = ProblemRegistry.Find("box3");
        var plan = RunPlan.Create(new RunSettings { Problem = "box3", Method = "gdpolyak-adaptive", Seed = 1, StartPerturbation = 1 });
        Assert.Equal(Bits(Ravine.Cli.Compare.SeededStart.Create(problem, 1, perturb: true).Start), Bits(plan.Start));
        Assert.NotEqual(Bits(problem.Generate(1).Start), Bits(plan.Start));
        // Only the start moves: the instance is the seed's.
        Assert.Equal(Bits(RunPlan.Create(new RunSettings { Problem = "box3", Method = "gdpolyak-adaptive", Seed = 1, StartPerturbation = 2 }).Start),
            Bits(Ravine.Cli.Compare.SeededStart.Create(problem, 2, perturb: true).Start));
        var e = Assert.Throws<ArgumentException>(() => RunPlan.Create(new RunSettings { Problem = "box3", Method = "gdpolyak-adaptive", X0 = "x0.npy", StartPerturbation = 1 }));
        Assert.Equal("start-perturbation", e.ParamName);
    }

    [Fact]
    public void Invalid_settings_throw_naming_the_option()
    {
        Assert.Equal("fstar", Assert.Throws<ArgumentOutOfRangeException>(() => new RunSettings { Problem = "p", OptimalValue = double.PositiveInfinity }).ParamName);
        Assert.Equal("max-iters", Assert.Throws<ArgumentOutOfRangeException>(() => new RunSettings { Problem = "p", MaxIterations = -1 }).ParamName);
    }
}
