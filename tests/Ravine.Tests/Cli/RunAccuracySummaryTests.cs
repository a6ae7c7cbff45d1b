using Ravine.Cli;
using Ravine.Cli.Commands;
using Ravine.Cli.Experiments;
using Ravine.Cli.Output;
using Ravine.Tests.Experiments;
using Ravine.Tests.IO;
using Ravine.Tests.Problems;
using Spectre.Console;

namespace Ravine.Tests.Cli;

/// <summary>A run on a classification problem writes its accuracies at the returned point into both of its summaries.</summary>
public class RunAccuracySummaryTests
{
    [Fact]
    public void The_runs_own_json_and_summary_json_carry_the_same_accuracies()
    {
        using var folder = new ScratchFolder();
        var settings = new RunSettings { Problem = "signs", Method = "gd", MethodOptions = Options.Of("eta", "0.1"), MaxIterations = 50, Output = folder.Root };
        var plan = RunPlan.Create(settings, new SignProblem());
        var key = new ExperimentKey(plan.Problem.Name, plan.MethodName);
        var files = ExperimentFiles.Start(folder.Root, [key], Figures.Files(plan.Problem.Name));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()), Interactive = InteractionSupport.No });
        var command = new RunCommand(console, new StatusOutput(null, TextWriter.Null), Interruption.From(CancellationToken.None), MethodOptionArguments.None);

        Assert.Equal(0, command.Execute(plan, files, RunCheckpointing.For(plan, files.Folder, 0), ["run"], settings, CancellationToken.None));

        var summary = Assert.Single(ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(files.SummaryPath)).Runs);
        var own = ExperimentJson.Deserialize<RunSummary>(File.ReadAllText(files.RunSummaryPath(key)));
        Assert.Equal(1.0, summary.TrainAccuracy);
        Assert.Equal(1.0, summary.TestAccuracy);
        Assert.Equal(summary.TrainAccuracy, own.TrainAccuracy);
        Assert.Equal(summary.TestAccuracy, own.TestAccuracy);
    }
}
