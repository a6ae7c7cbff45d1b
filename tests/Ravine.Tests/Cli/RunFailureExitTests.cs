using Ravine.Cli;
using Ravine.Cli.Commands;
using Ravine.Cli.Experiments;
using Ravine.Cli.Output;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Problems;
using Ravine.Tests.IO;
using Spectre.Console;

namespace Ravine.Tests.Cli;

/// <summary><c>ravine run</c>'s exit code when the run fails, and what it writes when the objective throws.</summary>
public class RunFailureExitTests
{
    [Fact]
    public void A_diverged_run_exits_4()
    {
        using var folder = new ScratchFolder();
        var (code, _, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--method", "gd", "--eta", "10", "--out", folder.Root);
        Assert.Equal(RavineApp.RunFailed, code);
        Assert.Equal(4, RavineApp.RunFailed);
        Assert.Equal("", error);
    }

    /// <summary>Quartic Rosenbrock whose oracle throws from its <paramref name="failAt"/>-th call on.</summary>
    private sealed class ThrowingProblem(ITestProblem inner, int failAt) : ITestProblem, IKnowsDistanceToSolutions
    {
        private int _calls;
        public string Name => inner.Name;
        public string Title => inner.Title;
        public double[] Start => inner.Start;
        public int Dimension => inner.Dimension;
        public double OptimalValue => inner.OptimalValue;
        public double DistanceToSolutions(ReadOnlySpan<double> x) => ((IKnowsDistanceToSolutions)inner).DistanceToSolutions(x);
        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient) =>
            ++_calls >= failAt ? throw new IOException("the simulator crashed") : inner.Evaluate(x, gradient);
    }

    [Fact]
    public void An_objective_that_throws_leaves_the_partial_trace_summary_and_figures_then_fails_naming_the_error()
    {
        using var folder = new ScratchFolder();
        var settings = new RunSettings { Problem = "quartic-rosenbrock", Method = "gd", Output = folder.Root };
        var plan = RunPlan.Create(settings, new ThrowingProblem(ProblemRegistry.Generate("quartic-rosenbrock"), failAt: 21));
        var files = ExperimentFiles.Start(folder.Root, [new ExperimentKey(plan.Problem.Name, plan.MethodName)], Figures.Files(plan.Problem.Name));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()), Interactive = InteractionSupport.No });
        var command = new RunCommand(console, new StatusOutput(null, TextWriter.Null), Interruption.From(CancellationToken.None), MethodOptionArguments.None);

        var e = Assert.Throws<ObjectiveException>(() => command.Execute(plan, files, RunCheckpointing.For(plan, files.Folder, 0), ["run"], settings, CancellationToken.None));

        Assert.Contains("the simulator crashed", e.ToString());
        var summary = ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(files.SummaryPath));
        var run = Assert.Single(summary.Runs);
        Assert.Equal(nameof(StopReason.ObjectiveFailed), run.StopReason);
        Assert.True(run.Iterations >= 10, $"{run.Iterations} iterations");
        Assert.True(File.Exists(files.TracePath(new ExperimentKey("quartic-rosenbrock", "gd"))));
        Assert.True(File.Exists(Path.Combine(folder.Root, "quartic-rosenbrock", "gap.png")));
    }

    [Fact]
    public void A_failed_run_has_one_summary_the_run_file_and_summary_json_agree_with_its_diagnostics()
    {
        // GDPolyak fails after a few epochs: the summary written after the failure is the one the runner built, with the
        // epochs' diagnostics, not a second one built from the partial result alone.
        using var folder = new ScratchFolder();
        var settings = new RunSettings { Problem = "quartic-rosenbrock", Method = "gdpolyak", Output = folder.Root };
        var plan = RunPlan.Create(settings, new ThrowingProblem(ProblemRegistry.Generate("quartic-rosenbrock"), failAt: 600));
        var key = new ExperimentKey(plan.Problem.Name, plan.MethodName);
        var files = ExperimentFiles.Start(folder.Root, [key], Figures.Files(plan.Problem.Name));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()), Interactive = InteractionSupport.No });
        var command = new RunCommand(console, new StatusOutput(null, TextWriter.Null), Interruption.From(CancellationToken.None), MethodOptionArguments.None);

        Assert.Throws<ObjectiveException>(() => command.Execute(plan, files, RunCheckpointing.For(plan, files.Folder, 0), ["run"], settings, CancellationToken.None));

        var inSummary = Assert.Single(ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(files.SummaryPath)).Runs);
        var inRunFile = ExperimentJson.Deserialize<RunSummary>(File.ReadAllText(files.RunSummaryPath(key)));
        Assert.Equal(nameof(StopReason.ObjectiveFailed), inSummary.StopReason);
        Assert.NotNull(inSummary.Diagnostics);
        Assert.Equal(ExperimentJson.Serialize(inRunFile), ExperimentJson.Serialize(inSummary));
    }
}
