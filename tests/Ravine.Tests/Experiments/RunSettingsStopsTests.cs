using System.Text;
using System.Text.Json;
using Ravine.Cli.Experiments;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Experiments;

/// <summary>The stop tolerances and time limit of a run's settings: read from a config file, written back, mapped onto <see cref="MinimizeOptions"/>.</summary>
public class RunSettingsStopsTests
{
    [Fact]
    public void The_stop_keys_are_read_written_back_and_read_the_same()
    {
        var settings = RunSettingsJson.Parse("""{ "problem": "quartic-rosenbrock", "method": "gd", "gap-tolerance": 1e-9, "gradient-tolerance": 0.5, "time-limit": "15m" }""", "run.json");
        Assert.Equal(1e-9, settings.GapTolerance);
        Assert.Equal(0.5, settings.GradientTolerance);
        Assert.Equal(900, settings.TimeLimit);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) RunSettingsJson.Write(writer, settings);
        Assert.Equal(settings, RunSettingsJson.Parse(Encoding.UTF8.GetString(stream.ToArray()), "again.json"));
        Assert.Equal(90, RunSettingsJson.Parse("""{ "problem": "p", "time-limit": 90 }""", "run.json").TimeLimit);
    }

    [Theory]
    [InlineData("""{ "problem": "p", "gap-tolerance": -1 }""", "gap-tolerance")]
    [InlineData("""{ "problem": "p", "gradient-tolerance": "small" }""", "gradient-tolerance")]
    [InlineData("""{ "problem": "p", "time-limit": "soon" }""", "time-limit")]
    [InlineData("""{ "problem": "p", "time-limit": 0 }""", "time-limit")]
    public void An_invalid_stop_key_is_rejected_naming_it(string json, string key)
    {
        var e = Assert.Throws<FormatException>(() => RunSettingsJson.Parse(json, "run.json"));
        Assert.Contains($"'{key}'", e.Message);
    }

    [Fact]
    public void The_settings_map_onto_the_loop_s_stop_criteria()
    {
        var plan = RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", Method = "gd", GapTolerance = 1e-9, GradientTolerance = 1e-7, TimeLimit = 60 });
        var options = plan.WithStops(new MinimizeOptions());
        Assert.Equal(1e-9, options.GapTolerance);
        Assert.Equal(0, options.RelativeGapTolerance);
        Assert.Equal(1e-7, options.GradientTolerance);
        Assert.Equal(TimeSpan.FromMinutes(1), options.TimeLimit);
    }

    [Fact]
    public void The_default_gap_tolerance_applies_only_to_methods_without_a_budget_of_their_own_and_with_f_star_known()
    {
        Assert.Equal(RunPlan.DefaultRelativeGapTolerance, RunPlan.Create(new RunSettings { Problem = "quadratic-sensing", Method = "gdpolyak-adaptive" }).WithStops(new()).RelativeGapTolerance);
        // The paper's GDPolyak runs its epochs, as reproduce does.
        Assert.Equal(0, RunPlan.Create(new RunSettings { Problem = "quadratic-sensing", Method = "gdpolyak" }).WithStops(new()).RelativeGapTolerance);
        // Given, even as 0, the tolerance replaces the default.
        Assert.Equal(0, RunPlan.Create(new RunSettings { Problem = "quadratic-sensing", Method = "lbfgs", GapTolerance = 0 }).WithStops(new()).RelativeGapTolerance);
    }

    [Fact]
    public void A_relative_gap_tolerance_stops_the_loop_at_that_fraction_of_the_start_s_gap()
    {
        var problem = ProblemRegistry.Generate("quartic-rosenbrock");
        var result = Minimizer.Minimize(problem, problem.Start, new Ravine.Methods.GradientDescent(0.0125), new MinimizeOptions { RelativeGapTolerance = 1e-3 });
        Assert.Equal(StopReason.GapTolerance, result.StopReason);
        Assert.True(result.FinalGap <= 1e-3 * result.Trace.Gap[0]);
        Assert.True(result.Trace.Gap[^2] > 1e-3 * result.Trace.Gap[0]);
        Assert.True(result.Converged);
    }

    [Fact]
    public void A_problem_on_real_data_gets_a_budget_that_fits_it()
    {
        Assert.True(ProblemRegistry.Find("fashion-mnist").NeedsExternalData);
        Assert.Equal(3_000, RunPlan.ExternalDataIterations);
        Assert.Equal("gdpolyak-adaptive", RunSettings.DefaultMethod("fashion-mnist", []));
        Assert.Equal("gdpolyak", RunSettings.DefaultMethod("teacher-student", ["eta", "K"]));
        Assert.Equal("gdpolyak", RunSettings.DefaultMethod("single-neuron", []));
    }
}
