using System.Text.Json;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary><c>ravine run</c>'s stop tolerances, default budgets and default method, and what it shows of an estimated f*.</summary>
public class RunStopsTests
{
    private static JsonElement RunSummary(string folder)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        return summary.RootElement.GetProperty("runs")[0].Clone();
    }

    private static void Succeeds((int ExitCode, string Output, string Error) result) =>
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}\n{result.Output}");

    [Fact]
    public void The_gap_tolerance_option_stops_the_run_there()
    {
        using var folder = new ScratchFolder();
        Succeeds(CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--method", "gd", "--gap-tolerance", "1e-3", "--out", folder.Root));
        var run = RunSummary(folder.Root);
        Assert.Equal("GapTolerance", run.GetProperty("stopReason").GetString());
        Assert.True(run.GetProperty("finalGap").GetDouble() <= 1e-3);
        Assert.True(run.GetProperty("iterations").GetInt64() < 5000);
    }

    [Fact]
    public void The_gradient_tolerance_option_stops_the_run_there()
    {
        using var folder = new ScratchFolder();
        Succeeds(CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--method", "gd", "--gradient-tolerance", "1e-2", "--out", folder.Root));
        var run = RunSummary(folder.Root);
        Assert.Equal("GradientTolerance", run.GetProperty("stopReason").GetString());
    }

    [Fact]
    public void The_time_limit_option_is_a_stop_criterion()
    {
        using var folder = new ScratchFolder();
        // A limit that cannot pass within the run leaves it alone; an invalid one is refused, naming the option.
        Succeeds(CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--method", "gd", "--max-iters", "20", "--time-limit", "1h", "--out", folder.Root));
        Assert.Equal("MaxIterations", RunSummary(folder.Root).GetProperty("stopReason").GetString());
        var (code, _, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--time-limit", "0s", "--out", Path.Combine(folder.Root, "b"));
        Assert.Equal(2, code);
        Assert.Contains("time-limit", error);
    }

    [Fact]
    public void Gdpolyak_without_epochs_where_none_are_published_has_the_default_budget()
    {
        using var folder = new ScratchFolder();
        // Its unlimited epochs once planned billions of steps, so the run had no budget and never ended on its own.
        Succeeds(CliRunner.Run("run", "--problem", "beale", "--method", "gdpolyak", "--eta", "1e-3", "-K", "10", "--out", folder.Root));
        var run = RunSummary(folder.Root);
        Assert.Contains(run.GetProperty("stopReason").GetString(), new[] { "GapTolerance", "MaxIterations" });
        Assert.InRange(run.GetProperty("iterations").GetInt64(), 1, Ravine.Optimization.MinimizeOptions.DefaultMaxIterations);
    }

    [Fact]
    public void A_method_without_a_budget_of_its_own_stops_at_the_default_gap_tolerance_when_f_star_is_known()
    {
        using var folder = new ScratchFolder();
        // It reached a gap of 1e-20 by iteration ~830 and ran on to its 100,000-iteration limit at the round-off floor.
        Succeeds(CliRunner.Run("run", "--problem", "teacher-student", "--method", "gdpolyak-adaptive", "--out", folder.Root));
        var run = RunSummary(folder.Root);
        Assert.Equal("GapTolerance", run.GetProperty("stopReason").GetString());
        Assert.True(run.GetProperty("iterations").GetInt64() < 5_000, run.GetProperty("iterations").ToString());
    }

    [Fact]
    public void A_problem_without_published_settings_runs_with_the_tuning_free_method_by_default()
    {
        using var folder = new ScratchFolder();
        Succeeds(CliRunner.Run("run", "--problem", "teacher-student", "--max-iters", "200", "--out", folder.Root));
        Assert.Equal("gdpolyak-adaptive", RunSummary(folder.Root).GetProperty("method").GetString());
    }

    [Fact]
    public void An_estimated_f_star_and_the_rejected_long_steps_are_shown_and_written()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--fstar", "unknown", "--out", folder.Root);
        Succeeds((code, output, error));
        Assert.Contains("f* est.", output);
        Assert.Contains("rejected", output);
        var run = RunSummary(folder.Root);
        Assert.True(double.IsFinite(run.GetProperty("optimalValueEstimate").GetDouble()));
        Assert.True(run.GetProperty("rejectedLongSteps").GetInt32() >= 0);
    }

    [Fact]
    public void A_noisy_run_with_validation_data_shows_f_and_the_validation_loss_not_an_unknown_gap()
    {
        using var folder = new ScratchFolder();
        string data = Path.Combine(folder.Root, "noisy");
        Succeeds(CliRunner.Run("generate", "quadratic-sensing", "--validation", "250", "--noise", "0.01", "--out", data));
        var (code, output, error) = CliRunner.Run("run", "--problem", "quadratic-sensing", "--data", data, "--fstar", "unknown", "-K", "50", "--epochs", "5", "--out", Path.Combine(folder.Root, "r"));
        Succeeds((code, output, error));
        Assert.Contains("best f", output);
        Assert.Contains("validation", output);
        Assert.DoesNotContain("n/a", output);
        var run = RunSummary(Path.Combine(folder.Root, "r"));
        Assert.True(run.GetProperty("validationLoss").GetDouble() > 0);
        // Without a gap the loss figure shows f.
        Assert.Contains("f (f* unknown)", File.ReadAllText(Path.Combine(folder.Root, "r", "quadratic-sensing", "gap.svg")));
    }

    [Fact]
    public void A_growth_order_fitted_at_the_round_off_floor_is_not_printed()
    {
        using var folder = new ScratchFolder();
        // Run on past the default stop into the floor, where the distance stalls and the fit measured noise (p = 173).
        var (code, output, error) = CliRunner.Run("run", "--problem", "teacher-student", "--method", "gdpolyak-adaptive", "--max-iters", "3000", "--gap-tolerance", "0", "--out", folder.Root);
        Succeeds((code, output, error));
        Assert.DoesNotContain("growth order 1", output);
        Assert.DoesNotContain("growth order 2", output);
        // Before the floor, the cubic growth of the teacher-student problem (as of the single neuron) is measured.
        Assert.Contains("growth order 3.0", output);
    }
}
