using Ravine.Cli.Experiments;
using Ravine.Cli.Output;
using Ravine.Cli.Paper;

namespace Ravine.Tests.Cli;

/// <summary>The results tables (console, report.md, report.html) and the run summaries.</summary>
public class ResultRowsTests
{
    private static RunRecord PublishedGdPolyak(string problem) =>
        Runner.RunOne(new ExperimentPlan { Problems = [problem], Methods = ["gdpolyak"], Seed = PublishedExperiments.Seed }, new ExperimentKey(problem, "gdpolyak"));

    private static (double Gap, int Iteration) SmallestGap(RunRecord run)
    {
        var trace = run.Result.Trace;
        int best = 0;
        for (int i = 1; i < trace.Count; i++)
            if (trace.Gap[i] < trace.Gap[best]) best = i;
        return (trace.Gap[best], trace.Iteration[best]);
    }

    [Fact]
    public void The_tables_show_the_best_gap_and_the_iteration_it_was_reached_instead_of_the_final_gap()
    {
        // Rosenbrock's last long step leaves a point ten orders of magnitude above the best one.
        var run = PublishedGdPolyak("quartic-rosenbrock");
        var (gap, iteration) = SmallestGap(run);
        Assert.True(run.FinalGap > 1e6 * gap);
        var row = ResultRows.Row(run);
        Assert.DoesNotContain("final gap", ResultRows.Header);
        Assert.Equal(Numbers.Sci(gap), row[Array.IndexOf(ResultRows.Header, "best gap")]);
        Assert.Equal(Numbers.Integer(iteration), row[Array.IndexOf(ResultRows.Header, "best gap at")]);
    }

    [Fact]
    public void The_summary_keeps_the_final_gap_beside_the_best_gap()
    {
        var run = PublishedGdPolyak("quartic-rosenbrock");
        var summary = RunSummary.From(run);
        Assert.Equal((summary.BestGap, summary.BestGapIteration), SmallestGap(run));
        Assert.Equal(run.Result.FinalGap, summary.FinalGap);
    }

    [Fact]
    public void The_console_table_shows_the_best_gap()
    {
        using var folder = new Ravine.Tests.IO.ScratchFolder();
        var (_, output, _) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--method", "gd", "--max-iters", "30", "--out", folder.Root);
        Assert.Contains("best gap", output);
        Assert.DoesNotContain("final gap", output);
    }
}
