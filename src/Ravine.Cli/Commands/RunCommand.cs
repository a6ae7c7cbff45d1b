using Ravine.Analysis;
using Ravine.Cli.Output;
using Ravine.Cli.Experiments;
using Ravine.Optimization;
using Ravine.Problems;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// <c>ravine run</c>: one method on one problem — a generated instance, or the user's own from a folder of .npy
/// files — with the same outputs and progress display as <c>reproduce</c>. Settings come from options, from a JSON
/// file (<c>--config</c>, see <see cref="RunSettingsJson"/>), or both (options win).
/// </summary>
internal sealed partial class RunCommand(IAnsiConsole console, StatusOutput status, Interruption interruption, MethodOptionArguments methodOptions) : Command<RunCommand.Settings>
{
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RunPlan plan;
        ExperimentFiles files;
        RunCheckpointing checkpointing;
        try
        {
            using (Connecting(settings))
                (plan, files, checkpointing) = Prepare(settings);
        }
        catch (ClusterUnavailableException e)
        {
            status.Notes.WriteLine($"ravine: {e.Message}");
            return RavineApp.BadArguments;
        }
        catch (OperationCanceledException) when (interruption.Requested)
        {
            // Only the wait for a cluster's gateway is cancelled before the run starts.
            status.Notes.WriteLine($"ravine: stopped ({interruption.Cause}) while connecting to the cluster; nothing ran.");
            return interruption.ExitCode;
        }
        Figures.WarmUp();
        try
        {
            return Execute(plan, files, checkpointing, methodOptions.CommandArguments ?? context.Arguments,
                settings.Resume is null ? plan.Settings : checkpointing.Settings, cancellationToken);
        }
        finally
        {
            // A sharded instance holds the cluster client.
            (plan.Problem as IDisposable)?.Dispose();
        }
    }

    /// <summary>The wait for a cluster's gateway: bounded, said on stderr, and ended by Ctrl+C or SIGTERM.</summary>
    private IDisposable Connecting(Settings settings)
    {
        // A cluster can also come from a --config file or a resumed checkpoint; without any of them the option would do nothing.
        if (settings.ConnectTimeout is not null && settings.Cluster is null && settings.Membership is null && settings.Config is null && settings.Resume is null)
            throw new ArgumentException("--connect-timeout sets the wait for a cluster's gateway: it applies with --cluster or --membership.");
        TimeSpan? given = settings.ConnectTimeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
        return new ClusterConnection(given ?? ClusterConnection.DefaultTimeout, status.Notes, interruption) { LoadPatience = given }.Use();
    }

    /// <summary>
    /// Runs <paramref name="plan"/> and writes its outputs into <paramref name="files"/>; returns the exit code. When
    /// the objective throws, the partial trace, summary and figures are written before the exception goes on (exit 3).
    /// </summary>
    internal int Execute(RunPlan plan, ExperimentFiles files, RunCheckpointing checkpointing, IReadOnlyList<string> arguments, RunSettings recorded,
        CancellationToken cancellationToken)
    {
        var key = new ExperimentKey(plan.Problem.Name, plan.MethodName);
        var clock = CommandClock.Start();

        RunRecord run;
        var finished = new FinishedRecord();
        try
        {
            run = ProgressDisplay.Run(status.Progress, [key], progress => Runner.Run(plan,
                ExperimentObservers.Combine(files, progress, new TimeEstimateNotice(status.Notes), status.Observer, finished), cancellationToken, checkpointing));
        }
        catch (ObjectiveException e) when (e.PartialResult is not null)
        {
            var failed = finished.Record;
            WriteOutputs(failed, plan.Problem, files, arguments, recorded, clock, cancelled: false);
            console.MarkupLineInterpolated($"Results so far: {files.Folder}");
            if (File.Exists(checkpointing.Path))
            {
                long at = RunCheckpointFile.Read(checkpointing.Path).Checkpoint.Iteration;
                string when = ShardedRun.IsMembershipFailure(e) ? " once the cluster's Redis answers again"
                    : ShardedRun.IsShardFailure(e) ? " once every shard is served again" : " once the objective answers again";
                console.MarkupLineInterpolated($"The checkpoint at iteration {at} continues the run{when}: ravine run --resume {files.Folder}");
            }
            throw;
        }

        bool cancelled = cancellationToken.IsCancellationRequested && run.Result.StopReason == StopReason.Cancelled;
        // The results are printed while the figures are drawn (they do not depend on them); the folder once it is written.
        WriteOutputs(run, plan.Problem, files, arguments, recorded, clock, cancelled, summary => PrintResults(run, summary));
        console.MarkupLineInterpolated($"Results: {files.Folder}");
        if (!cancelled) return run.Result.StopReason.IsFailure() ? RavineApp.RunFailed : 0;
        console.MarkupLineInterpolated($"Interrupted ({interruption.Cause}) at iteration {run.Result.Iterations} of {run.IterationBudget}: the trace, summary, figures and checkpoint so far are in {files.Folder}");
        console.MarkupLineInterpolated($"Continue with: ravine run --resume {files.Folder}");
        return interruption.ExitCode;
    }

    private void PrintResults(RunRecord run, ExperimentSummary summary)
    {
        ResultsTable.Write(console, [run], summary, ConsoleFormat.Text);
        console.MarkupLineInterpolated($"{run.Result.Message}");
        if (summary.Runs[0].TestAccuracy is { } test)
            console.MarkupLineInterpolated($"Test accuracy {test:P1} (training accuracy {summary.Runs[0].TrainAccuracy:P1}) at the returned point, f = {Numbers.Sci(run.Result.Value)}.");
        if (summary.Runs[0].Diagnostics is { RavineDetected: true } d)
            console.MarkupLineInterpolated($"Ravine diagnostics over {d.EpochsEstimated} epochs (docs/DIAGNOSTICS.md): growth order {d.GrowthOrder:0.00} (from {d.EstimatedFrom}), median contraction {d.MedianContraction:0.000} per epoch, median gradient share {d.MedianGradientShare:0.0e+00} after the long steps.");
        else if (summary.Runs[0].Diagnostics is { } none)
            console.MarkupLineInterpolated($"Ravine diagnostics over {none.EpochsEstimated} epochs (docs/DIAGNOSTICS.md): no ravine detected: no epoch's growth-order fit was good (a full window of {RavineDiagnostics.Window} epochs, R² ≥ {RunDiagnostics.MinimumFitQuality}, {RunDiagnostics.LeastGrowthOrder} ≤ p ≤ {RunDiagnostics.GreatestGrowthOrder}, a distance shrinking by 1 % per epoch or more).");
        if (summary.Runs[0].Forecast is { } forecast)
            console.MarkupLineInterpolated($"{ForecastCells.Line(forecast)}");
    }

    /// <summary>
    /// Writes the summary JSON and the figures; <paramref name="meanwhile"/> gets the summary once it is written and
    /// runs while the SVGs are being drawn on another thread.
    /// </summary>
    private void WriteOutputs(RunRecord run, ITestProblem problem, ExperimentFiles files, IReadOnlyList<string> arguments, RunSettings recorded,
        CommandClock clock, bool cancelled, Action<ExperimentSummary>? meanwhile = null)
    {
        var solution = SolutionFiles.Write(files.Folder, problem, run.Result);
        var summary = new ExperimentSummary
        {
            CommandLine = ResultsFolder.CommandLine("run", arguments),
            Seed = run.Seed,
            Quick = false,
            Cancelled = cancelled,
            StartedUtc = clock.StartedUtc,
            WallSeconds = clock.Seconds,
            Runs = [run.Summary],
            Claims = [],
            Settings = recorded,
            InterruptedBy = cancelled ? interruption.Cause : null,
            Solution = solution,
        };
        var figures = Figures.Render([run], meanwhile: () =>
        {
            files.WriteSummary(summary);
            meanwhile?.Invoke(summary);
        });
        Figures.Write(figures, files.ProblemFolder(run.Key.Problem));
    }

    /// <summary>A fresh run from the options, or with <c>--resume</c> the interrupted one stored in that folder.</summary>
    private (RunPlan Plan, ExperimentFiles Files, RunCheckpointing Checkpointing) Prepare(Settings settings)
    {
        // Never negative: CheckpointEveryValue parses it.
        int interval = settings.CheckpointEvery ?? RunCheckpointing.DefaultInterval;
        if (settings.Resume is { } folder)
        {
            var extra = methodOptions.Flags.Concat(settings.SettingsBesidesResume()).ToArray();
            if (extra.Length > 0)
                throw new ArgumentException($"--resume continues the run exactly as its checkpoint.json stores it; drop {string.Join(", ", extra)}.");
            var (resumed, checkpointing) = RunCheckpointing.Resume(folder, interval, settings.Cluster, settings.Membership);
            return (resumed, ExperimentFiles.Continue(folder), checkpointing);
        }
        var plan = RunPlan.Create(Resolve(settings, methodOptions));
        var files = ExperimentFiles.Start(plan.Settings.Output ?? ResultsFolder.Default("run-"),
            [new ExperimentKey(plan.Problem.Name, plan.MethodName)], [.. Figures.Files(plan.Problem.Name), .. SolutionFiles.Names]);
        return (plan, files, RunCheckpointing.For(plan, files.Folder, interval));
    }
}
