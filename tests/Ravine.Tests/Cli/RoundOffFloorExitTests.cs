using System.Text.Json;
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

/// <summary>A line search that stops at f's round-off floor is a success; one that fails far from it is not.</summary>
public class RoundOffFloorExitTests
{
    [Fact]
    public void Lbfgs_on_quadratic_sensing_stops_at_working_precision_and_exits_0()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("run", "--problem", "quadratic-sensing", "--method", "lbfgs", "--out", folder.Root);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.Contains("WorkingPrecision", output);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Root, "summary.json")));
        var run = summary.RootElement.GetProperty("runs")[0];
        Assert.Equal("WorkingPrecision", run.GetProperty("stopReason").GetString());
        Assert.True(run.GetProperty("bestGap").GetDouble() < 1e-16);
    }

    /// <summary>Quartic Rosenbrock whose gradient has the wrong sign in x: no step along −∇f lowers f from the start.</summary>
    private sealed class WrongGradient(ITestProblem inner) : ITestProblem
    {
        public string Name => inner.Name;
        public string Title => inner.Title;
        public double[] Start => [1.0, 0.0];
        public int Dimension => inner.Dimension;
        public double OptimalValue => inner.OptimalValue;
        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            double f = inner.Evaluate(x, gradient);
            gradient[0] = -gradient[0];
            return f;
        }
    }

    [Theory]
    [InlineData("lbfgs")]
    [InlineData("gd-armijo")]
    public void A_line_search_that_fails_far_from_the_floor_still_exits_4(string method)
    {
        using var folder = new ScratchFolder();
        var settings = new RunSettings { Problem = "quartic-rosenbrock", Method = method, Output = folder.Root };
        var plan = RunPlan.Create(settings, new WrongGradient(ProblemRegistry.Generate("quartic-rosenbrock")));
        var files = ExperimentFiles.Start(folder.Root, [new ExperimentKey(plan.Problem.Name, plan.MethodName)], Figures.Files(plan.Problem.Name));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()), Interactive = InteractionSupport.No });
        var command = new RunCommand(console, new StatusOutput(null, TextWriter.Null), Interruption.From(CancellationToken.None), MethodOptionArguments.None);

        int code = command.Execute(plan, files, RunCheckpointing.For(plan, files.Folder, 0), ["run"], settings, CancellationToken.None);

        Assert.Equal(RavineApp.RunFailed, code);
        var summary = ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(files.SummaryPath));
        Assert.Equal(nameof(StopReason.LineSearchFailed), Assert.Single(summary.Runs).StopReason);
    }
}
