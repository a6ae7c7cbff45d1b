using Ravine.Cli.Experiments;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary>What <c>ravine run</c> shows when the numbers go wrong (the loop's side: StopCriteriaTests).</summary>
public class RunFailureTests
{
    [Fact]
    public void A_too_large_stepsize_stops_as_diverged_says_why_and_keeps_the_best_finite_value()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--method", "gd", "--eta", "10", "--out", folder.Root);
        Assert.True(code == 4, $"exit {code}: {error}");
        Assert.Contains("(η) is likely too large", System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " "));
        var run = Assert.Single(ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(Path.Combine(folder.Root, "summary.json"))).Runs);
        Assert.Equal("Diverged", run.StopReason);
        Assert.True(run.Iterations < 10);
        Assert.True(double.IsFinite(run.BestValue) && run.BestValue < run.FinalValue);
        Assert.False(File.Exists(Path.Combine(folder.Root, RunCheckpointFile.FileName)), "a diverged run has nothing to resume");
    }

    [Fact]
    public void An_output_folder_that_cannot_be_made_exits_2_with_one_line_naming_it()
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(folder.File("a-file"), "");
        var (code, output, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--out", Path.Combine(folder.File("a-file"), "out"));
        Assert.Equal(2, code);
        Assert.StartsWith("ravine: ", error);
        Assert.Contains(Path.Combine(folder.File("a-file"), "out"), error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain(" at ", output + error);
    }
}
