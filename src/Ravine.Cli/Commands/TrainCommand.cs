using Ravine.Cli.Experiments;
using Ravine.Cli.Output;
using Ravine.Cli.Training;
using Ravine.IO;
using Ravine.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// <c>ravine train</c>: mini-batch training of a model with one or more stochastic methods and seeds. Each run writes
/// its trace, checkpoint and summary as it goes; at the end the command writes the figures, <c>summary.json</c>, the
/// report and the table over methods and seeds. Interrupted, it keeps every finished epoch and a checkpoint of the
/// batch it stopped at; <c>--resume</c> continues to the same traces.
/// </summary>
/// <remarks>
/// Training does not go through the deterministic pipeline (RunSpec → Runner → RunRecord): that pipeline counts oracle
/// calls of one objective on one point and traces every iteration, while a training run is measured in epochs and
/// held-out scores and its state includes the batch position. The files follow the same conventions (atomic writes,
/// <see cref="ResultsHeader"/>, the shared figure and HTML writers).
/// </remarks>
internal sealed class TrainCommand(IAnsiConsole console, StatusOutput status, Interruption interruption, TrainingModels models) : Command<TrainSettings>
{
    private const string PlanFile = "train.json";

    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        var plan = PlanOf(settings);
        IMiniBatchObjective objective;
        try
        {
            objective = models.Get(plan.Model).Create(new TrainingModelRequest(plan.ValidationExamples, plan.Threads));
        }
        catch (Exception e) when (e is not (ArgumentException or OperationCanceledException))
        {
            // Whatever stops a model's data from loading (a missing, truncated or damaged file) is bad input.
            status.Notes.WriteLine($"ravine: model {plan.Model} cannot load its data: {e.Message.ReplaceLineEndings(" ")}");
            return RavineApp.BadArguments;
        }
        foreach (var (method, seed) in plan.Runs)
        {
            StochasticMethodRegistry.Parse(method);
            plan.Options(seed).Check(objective.ExampleCount);
        }
        // The folder is made only once the plan, the model and its data have passed: a bad input leaves nothing behind.
        string folder = settings.Resume ?? ResultsFolder.PrepareFor("train", settings.Out);
        if (settings.Resume is null)
            AtomicFile.WriteAllText(Path.Combine(folder, PlanFile), ExperimentJson.Serialize(plan));

        var clock = CommandClock.Start();
        var runs = new List<TrainingRunOutcome>();
        bool cancelled = Run(plan, objective, folder, runs, interruption.Token);
        var summary = new TrainingSummary
        {
            CommandLine = ResultsFolder.CommandLine("train", context.Arguments),
            StartedUtc = clock.StartedUtc,
            WallSeconds = clock.Seconds,
            Model = plan.Model,
            Cancelled = cancelled,
            Plan = plan,
            Runs = runs.Select(r => (object)TrainingRunSummary.Of(r)).ToArray(),
            TableHeader = TimeToAccuracyTable.Header(objective.IsClassifier),
            Table = TimeToAccuracyTable.Rows(runs, objective.IsClassifier).ToArray(),
        };
        if (runs.Count > 0)
        {
            var figures = TrainingFigures.Write(folder, plan.Model, runs, objective.IsClassifier);
            AtomicFile.WriteAllText(Path.Combine(folder, "summary.json"), ExperimentJson.Serialize(summary));
            TrainingReport.Write(folder, summary, runs, objective.IsClassifier, figures);
            PrintTable(summary);
        }
        console.MarkupLineInterpolated($"Results: {folder}");
        if (cancelled)
        {
            console.MarkupLineInterpolated($"Interrupted ({interruption.Cause}): every finished epoch and a checkpoint are in {folder}");
            console.MarkupLineInterpolated($"Continue with: ravine train --resume {folder}");
            return interruption.ExitCode;
        }
        foreach (var run in runs.Where(r => r.Result.StopReason != TrainingStopReason.EpochsDone))
            console.MarkupLineInterpolated($"{run.Method} seed {run.Seed}: {run.Result.Message}");
        return plan.Runs.Count() == 1 && runs[0].Diverged ? RavineApp.RunFailed : 0;
    }

    /// <summary>Runs (or, resuming, continues or reads back) every run in order; true when interrupted.</summary>
    private bool Run(TrainingPlan plan, IMiniBatchObjective objective, string folder, List<TrainingRunOutcome> runs, CancellationToken cancellationToken)
    {
        var list = plan.Runs.ToArray();
        bool Work(ProgressContext? context)
        {
            var tasks = list.Select(r => context?.AddTask(Markup.Escape($"{r.Method} seed {r.Seed}"), autoStart: false,
                maxValue: plan.Epochs * (double)((objective.ExampleCount + plan.BatchSize - 1) / plan.BatchSize))).ToArray();
            for (int i = 0; i < list.Length; i++)
            {
                var (method, seed) = list[i];
                string runFolder = Path.Combine(folder, TrainingPlan.RunFolder(method, seed));
                if (TrainingFiles.ReadFinished(runFolder, method, seed, objective) is { } finished)
                {
                    runs.Add(finished);
                    tasks[i]?.Increment(tasks[i]!.MaxValue);
                    tasks[i]?.StopTask();
                    continue;
                }
                var resume = TrainingFiles.ReadCheckpoint(runFolder);
                tasks[i]?.StartTask();
                var progress = new TrainingProgress(tasks[i], $"{method} seed {seed}", runFolder);
                var result = new Trainer(objective, StochasticMethodRegistry.Parse(method).Method, plan.Options(seed)).Train(progress, resume, cancellationToken);
                TrainingFiles.WriteProgress(runFolder, result.Checkpoint);
                progress.Finish(result);
                var outcome = new TrainingRunOutcome(method, seed, result, runFolder);
                runs.Add(outcome);
                if (result.StopReason == TrainingStopReason.Cancelled) return true;
                TrainingFiles.WriteSummary(outcome);
            }
            return false;
        }
        if (status.Progress is null) return Work(null);
        return status.Progress.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new ElapsedTimeColumn())
            .Start(Work);
    }

    /// <summary>The plan from the options, or with <c>--resume</c> the one stored in that folder.</summary>
    private TrainingPlan PlanOf(TrainSettings s)
    {
        if (ToPlan(s) is not { } plan)
        {
            string file = Path.Combine(s.Resume!, PlanFile);
            if (!File.Exists(file)) throw new ArgumentException($"{s.Resume} holds no interrupted train (no {PlanFile}).");
            return ExperimentJson.Deserialize<TrainingPlan>(File.ReadAllText(file));
        }
        models.Get(plan.Model);
        return plan;
    }

    /// <summary>
    /// The plan the options describe, checked without reading or writing anything (the model's name is checked when
    /// it is loaded); null with <c>--resume</c>, whose plan is in its folder.
    /// </summary>
    /// <exception cref="ArgumentException">An option out of range, an unknown method or option, or options beside <c>--resume</c>.</exception>
    internal static TrainingPlan? ToPlan(TrainSettings s)
    {
        if (s.Resume is not null)
        {
            if (s.Model is not null || s.Method is not null || s.Methods is not null || s.Seed is not null || s.Seeds is not null || s.Epochs is not null || s.Batch is not null
                || s.Validation is not null || s.Threads is not null || s.TargetAccuracy is not null || s.LanczosEvery is not null || s.Out is not null)
                throw new ArgumentException("--resume continues a train with its own settings: give no other option.");
            return null;
        }
        if (s.Model is null) throw new ArgumentException("train needs --model NAME.");
        if (s.Method is not null && s.Methods is not null) throw new ArgumentException("Give --method or --methods, not both.");
        var methods = (s.Methods ?? s.Method ?? StochasticGdPolyak.Descriptor.Name).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (methods.Length == 0) throw new ArgumentException("--methods names no method.");
        if (methods.Distinct().Count() != methods.Length) throw new ArgumentException("--methods names a method twice.");
        int seeds = s.Seeds ?? 1;
        if (seeds < 1) throw new ArgumentException($"--seeds must be at least 1, not {seeds}.");
        int threads = s.Threads ?? Environment.ProcessorCount;
        if (threads < 1) throw new ArgumentException($"--threads must be at least 1, not {threads}.");
        int validation = s.Validation ?? 5000;
        if (validation < 1) throw new ArgumentException($"--validation must be at least 1, not {validation}.");
        var plan = new TrainingPlan
        {
            Model = s.Model,
            Methods = methods,
            Seeds = Enumerable.Range(0, seeds).Select(i => (s.Seed ?? 0) + (ulong)i).ToArray(),
            Epochs = s.Epochs ?? 10,
            BatchSize = s.Batch ?? 128,
            ValidationExamples = validation,
            Threads = threads,
            TargetAccuracy = s.TargetAccuracy,
            LanczosEvery = s.LanczosEvery ?? 0,
        };
        foreach (string method in methods) StochasticMethodRegistry.Parse(method);
        plan.Options(0).Check(int.MaxValue);
        return plan;
    }

    private void PrintTable(TrainingSummary summary)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (string column in summary.TableHeader) table.AddColumn(Markup.Escape(column));
        foreach (var row in summary.Table) table.AddRow(row.Select(Markup.Escape).ToArray());
        console.Write(table);
    }
}
