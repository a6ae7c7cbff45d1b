using System.ComponentModel;
using System.Diagnostics;
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
internal sealed class RunCommand(IAnsiConsole console, StatusOutput status, Interruption interruption, MethodOptionArguments methodOptions) : Command<RunCommand.Settings>
{
    /// <summary>The options of <c>ravine run</c>; each also a key of the <c>--config</c> file (without the dashes).</summary>
    public sealed class Settings : RavineSettings
    {
        [CommandOption("--problem <NAME>")]
        [Description("The problem, e.g. quartic-rosenbrock or single-neuron (an unknown name lists the known ones).")]
        public string? Problem { get; init; }

        [CommandOption("--size <SIZES>")]
        [Description("The generated instance's sizes as KEY=N,KEY=N, for the problems that have them (quadratic-sensing: d, r, k, m; matrix-factorization: d, r, k; teacher-student: d, students, teachers; teacher-student-sampled: also samples); default: the problem's. Not with --data. With --shards, each shard draws only its own rows.")]
        public string? Size { get; init; }

        [CommandOption("--data <DIR>")]
        [Description("A folder of .npy files holding your instance (see docs/USAGE.md); default: generate one from --seed.")]
        public string? Data { get; init; }

        [CommandOption("--x0 <FILE>")]
        [Description("A .npy file of the start point: the problem's variables (e.g. the d×k factor X0 for quadratic-sensing), any shape holding that many numbers; default: the instance's start (with --data: its x0.npy, else drawn from --seed).")]
        public string? X0 { get; init; }

        [CommandOption("--method <NAME>")]
        [Description("The method: any name `ravine methods` lists; default gdpolyak on the paper's problems (published settings), else the tuning-free gdpolyak-adaptive. Its own options follow as --KEY VALUE (e.g. --eta 0.05 -K 300 --epochs 50 for gdpolyak, --lr 0.01 for adam); `ravine methods NAME` lists them with their defaults.")]
        public string? Method { get; init; }

        [CommandOption("--max-iters <N>")]
        [Description("The iteration limit; default: the method's own budget (gdpolyak: epochs·(K + 1)), else the published K·epochs on a problem the paper ran, else 3,000 on real data (fashion-mnist), else 100,000. A run expected to take over a minute says so on stderr after its first iterations.")]
        [TypeConverter(typeof(MaxItersValue))]
        public long? MaxIters { get; init; }

        [CommandOption("--gap-tolerance <TOL>")]
        [Description("Stop when f − f* ≤ TOL (0: off); default: 1e-20·(f(x₀) − f*) when f* is known and the method has no budget of its own (see docs/USAGE.md), else off.")]
        [TypeConverter(typeof(GapToleranceValue))]
        public double? GapTolerance { get; init; }

        [CommandOption("--gradient-tolerance <TOL>")]
        [Description("Stop when ‖∇f‖ ≤ TOL (0: off, the default).")]
        [TypeConverter(typeof(GradientToleranceValue))]
        public double? GradientTolerance { get; init; }

        [CommandOption("--time-limit <DURATION>")]
        [Description("Stop after this much wall-clock time: seconds, or with s, m or h (90, 15m, 2h); default: none.")]
        [TypeConverter(typeof(TimeLimitValue))]
        public double? TimeLimit { get; init; }

        [CommandOption("--fstar <F>")]
        [Description("f*, the optimal value the Polyak steps use, or 'unknown': gdpolyak and gdpolyak-adaptive then estimate it (--fstar-rule, --fstar-estimate F to start the estimate at F) with the safeguard on; polyak needs a known f*, and methods without Polyak steps take none; default: the problem's (0).")]
        [TypeConverter(typeof(FStarValue))]
        public string? FStar { get; init; }

        [CommandOption("--validation-every <N>")]
        [Description("With held-out data in --data (quadratic sensing: *_heldout.npy): validate also every N iterations (long steps are always validated, and rolled back when they raise the validation loss); default 0: only at long steps.")]
        public int? ValidationEvery { get; init; }

        [CommandOption("--patience <P>")]
        [Description("With held-out data: stop after P validations in a row without a new best, and return the best-validation point (a method without long steps validates only every --validation-every N iterations, which it then needs); default: no early stopping.")]
        public int? Patience { get; init; }

        [CommandOption("--threads <N>")]
        [Description("quadratic-sensing: threads of one oracle call (default 1); f and the gradient are bit-identical for every N. Pays off from m of a few thousand up (docs/PERFORMANCE.md).")]
        public int? Threads { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("The seed of the generated instance (with --data: of the start, when x0.npy is absent); default 3407.")]
        [TypeConverter(typeof(SeedValue))]
        public ulong? Seed { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("The output folder; default: ./ravine-results/run-<UTC timestamp>/.")]
        public string? Out { get; init; }

        [CommandOption("--config <FILE>")]
        [Description("A JSON file with these settings (keys: the long option names without dashes, and the method's options; see docs/USAGE.md); options given here override it.")]
        public string? Config { get; init; }

        [CommandOption("--checkpoint-every <N>")]
        [Description("Write checkpoint.json into the output folder every N iterations (default 1000; 0: only when interrupted). It is deleted when the run ends.")]
        [TypeConverter(typeof(CheckpointEveryValue))]
        public int? CheckpointEvery { get; init; }

        [CommandOption("--shards <N>")]
        [Description("quadratic-sensing only: cut the measurements into N shards, each evaluated on its own and added in shard order: on --cluster, else in this process (the same bits). See docs/DISTRIBUTED.md.")]
        [TypeConverter(typeof(ShardsValue))]
        public int? Shards { get; init; }

        [CommandOption("--cluster <HOST:PORT>")]
        [Description("With --shards: the gateway of a cluster of `ravine worker` silos that serves the shards (several separated by commas). With --resume: the cluster to continue on, if not the stored one.")]
        public string? Cluster { get; init; }

        [CommandOption("--connect-timeout <SECONDS>")]
        [Description("With --cluster: how long to wait for a gateway to answer before giving up (exit 2); default 10.")]
        [TypeConverter(typeof(ConnectTimeoutValue))]
        public double? ConnectTimeout { get; init; }

        [CommandOption("--resume <DIR>")]
        [Description("Continue the interrupted run in DIR from its checkpoint.json, with the settings stored there (no other run settings allowed); the final trace equals an uninterrupted run's.")]
        public string? Resume { get; init; }

        public override ValidationResult Validate() =>
            OptionText.FirstBlank(("--problem", Problem, "a problem's name"), ("--size", Size, "sizes KEY=N,KEY=N"), ("--data", Data, "a folder of .npy files"), ("--x0", X0, "a .npy file"), ("--method", Method, "a method's name"),
                ("--out", Out, "a folder"), ("--config", Config, "a JSON file"), ("--resume", Resume, "a folder"),
                ("--cluster", Cluster, "a gateway HOST:PORT")) is { } error
                ? ValidationResult.Error(error) : ValidationResult.Success();

        /// <summary>The run settings given besides <c>--resume</c>, which would contradict the stored ones.</summary>
        internal IEnumerable<string> SettingsBesidesResume()
        {
            if (Problem is not null) yield return "--problem";
            if (Size is not null) yield return "--size";
            if (Data is not null) yield return "--data";
            if (X0 is not null) yield return "--x0";
            if (Method is not null) yield return "--method";
            if (MaxIters is not null) yield return "--max-iters";
            if (GapTolerance is not null) yield return "--gap-tolerance";
            if (GradientTolerance is not null) yield return "--gradient-tolerance";
            if (TimeLimit is not null) yield return "--time-limit";
            if (FStar is not null) yield return "--fstar";
            if (ValidationEvery is not null) yield return "--validation-every";
            if (Patience is not null) yield return "--patience";
            if (Threads is not null) yield return "--threads";
            if (Seed is not null) yield return "--seed";
            if (Out is not null) yield return "--out";
            if (Config is not null) yield return "--config";
            if (Shards is not null) yield return "--shards";
        }
    }

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
        if (settings.ConnectTimeout is not null && settings.Cluster is null && settings.Config is null && settings.Resume is null)
            throw new ArgumentException("--connect-timeout sets the wait for a cluster's gateway: it applies with --cluster.");
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
        var started = DateTimeOffset.UtcNow;
        long clock = Stopwatch.GetTimestamp();

        ExperimentRun run;
        try
        {
            run = ProgressDisplay.Run(status.Progress, [key], progress => ExperimentRunner.Run(plan,
                ExperimentObservers.Combine(files, progress, new TimeEstimateNotice(status.Notes), status.Observer), cancellationToken, checkpointing));
        }
        catch (ObjectiveException e) when (e.PartialResult is { } partial)
        {
            var failed = ExperimentRunner.Finished(plan.Spec, partial);
            WriteOutputs(failed, plan.Problem, files, arguments, recorded, started, clock, cancelled: false);
            console.MarkupLineInterpolated($"Results so far: {files.Folder}");
            if (File.Exists(checkpointing.Path))
            {
                long at = RunCheckpointFile.Read(checkpointing.Path).Checkpoint.Iteration;
                string when = ShardedRun.IsShardFailure(e) ? " once every shard is served again" : " once the objective answers again";
                console.MarkupLineInterpolated($"The checkpoint at iteration {at} continues the run{when}: ravine run --resume {files.Folder}");
            }
            throw;
        }

        bool cancelled = cancellationToken.IsCancellationRequested && run.Result.StopReason == StopReason.Cancelled;
        // The results are printed while the figures are drawn (they do not depend on them); the folder once it is written.
        WriteOutputs(run, plan.Problem, files, arguments, recorded, started, clock, cancelled, summary => PrintResults(run, summary));
        console.MarkupLineInterpolated($"Results: {files.Folder}");
        if (!cancelled) return run.Result.StopReason.IsFailure() ? RavineApp.RunFailed : 0;
        console.MarkupLineInterpolated($"Interrupted ({interruption.Cause}) at iteration {run.Result.Iterations} of {run.IterationBudget}: the trace, summary, figures and checkpoint so far are in {files.Folder}");
        console.MarkupLineInterpolated($"Continue with: ravine run --resume {files.Folder}");
        return interruption.ExitCode;
    }

    private void PrintResults(ExperimentRun run, ExperimentSummary summary)
    {
        ResultsTable.Write(console, [run], summary, ConsoleFormat.Text);
        console.MarkupLineInterpolated($"{run.Result.Message}");
        if (summary.Runs[0].TestAccuracy is { } test)
            console.MarkupLineInterpolated($"Test accuracy {test:P1} (training accuracy {summary.Runs[0].TrainAccuracy:P1}) at the returned point, f = {Numbers.Sci(run.Result.Value)}.");
        if (summary.Runs[0].Diagnostics is { RavineDetected: true } d)
            console.MarkupLineInterpolated($"Ravine diagnostics over {d.EpochsEstimated} epochs (docs/DIAGNOSTICS.md): growth order {d.GrowthOrder:0.00} (from {d.EstimatedFrom}), median contraction {d.MedianContraction:0.000} per epoch, median gradient share {d.MedianGradientShare:0.0e+00} after the long steps.");
        else if (summary.Runs[0].Diagnostics is { } none)
            console.MarkupLineInterpolated($"Ravine diagnostics over {none.EpochsEstimated} epochs (docs/DIAGNOSTICS.md): no ravine detected: no epoch's growth-order fit was good (a full window of {RavineDiagnostics.Window} epochs, R² ≥ {RunDiagnostics.MinimumFitQuality}, {RunDiagnostics.LeastGrowthOrder} ≤ p ≤ {RunDiagnostics.GreatestGrowthOrder}, a distance shrinking by 1 % per epoch or more).");
    }

    /// <summary>
    /// Writes the summary JSON and the figures; <paramref name="meanwhile"/> gets the summary once it is written and
    /// runs while the SVGs are being drawn on another thread.
    /// </summary>
    private void WriteOutputs(ExperimentRun run, ITestProblem problem, ExperimentFiles files, IReadOnlyList<string> arguments, RunSettings recorded,
        DateTimeOffset started, long clock, bool cancelled, Action<ExperimentSummary>? meanwhile = null)
    {
        var solution = SolutionFiles.Write(files.Folder, problem, run.Result);
        var summary = new ExperimentSummary
        {
            Version = ExperimentSummary.LibraryVersion,
            CommandLine = ResultsFolder.CommandLine("run", arguments),
            Seed = run.Seed,
            Quick = false,
            Cancelled = cancelled,
            StartedUtc = started,
            WallSeconds = Stopwatch.GetElapsedTime(clock).TotalSeconds,
            Machine = MachineInfo.Current,
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
            var (resumed, checkpointing) = RunCheckpointing.Resume(folder, interval, settings.Cluster);
            return (resumed, ExperimentFiles.Continue(folder), checkpointing);
        }
        var plan = RunPlan.Create(Resolve(settings, methodOptions));
        var files = ExperimentFiles.Start(plan.Settings.Output ?? ResultsFolder.Default("run-"),
            [new ExperimentKey(plan.Problem.Name, plan.MethodName)], [.. Figures.Files(plan.Problem.Name), .. SolutionFiles.Names]);
        return (plan, files, RunCheckpointing.For(plan, files.Folder, interval));
    }

    private static double ParseOptimalValue(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double f) && double.IsFinite(f)
            ? f
            : throw new ArgumentException($"--fstar takes a finite number or '{RunSettingsJson.UnknownOptimalValue}', not '{text}'.", "fstar");

    /// <summary>The run's settings: the options, over the <c>--config</c> file's, over the defaults.</summary>
    internal static RunSettings Resolve(Settings options, MethodOptionArguments methodOptions)
    {
        var file = options.Config is null ? null : RunSettingsJson.Read(options.Config);
        var problem = options.Problem ?? file?.Problem
            ?? throw new ArgumentException($"run needs a problem: --problem NAME (one of {string.Join(", ", ProblemRegistry.Names)}) or a --config file.");
        string method = options.Method ?? file?.Method ?? RunSettings.DefaultMethod(problem, methodOptions.Values.Keys);
        // The file's method options belong to the file's method: another method given here starts from its own.
        var merged = new Dictionary<string, string>(
            file is not null && string.Equals(file.Method, method, StringComparison.OrdinalIgnoreCase) ? file.MethodOptions : new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in methodOptions.Values) merged[key] = value;
        bool unknown = string.Equals(options.FStar?.Trim(), RunSettingsJson.UnknownOptimalValue, StringComparison.OrdinalIgnoreCase);
        return new RunSettings
        {
            Problem = problem,
            // The file's sizes belong to the file's problem, as its method options to its method.
            Size = options.Size ?? (file is not null && string.Equals(file.Problem, problem, StringComparison.OrdinalIgnoreCase) ? file.Size : null),
            Data = options.Data ?? file?.Data,
            X0 = options.X0 ?? file?.X0,
            Method = method,
            MethodOptions = merged,
            MaxIterations = options.MaxIters ?? file?.MaxIterations,
            GapTolerance = options.GapTolerance ?? file?.GapTolerance,
            GradientTolerance = options.GradientTolerance ?? file?.GradientTolerance,
            TimeLimit = options.TimeLimit ?? file?.TimeLimit,
            OptimalValue = options.FStar is null ? file?.OptimalValue : unknown ? null : ParseOptimalValue(options.FStar),
            OptimalValueUnknown = options.FStar is null ? file?.OptimalValueUnknown ?? false : unknown,
            ValidationInterval = options.ValidationEvery ?? file?.ValidationInterval,
            Patience = options.Patience ?? file?.Patience,
            Threads = options.Threads ?? file?.Threads,
            Seed = options.Seed ?? file?.Seed ?? ProblemRegistry.DefaultSeed,
            Output = options.Out ?? file?.Output,
            Cluster = options.Cluster ?? file?.Cluster,
            Shards = options.Shards ?? file?.Shards,
        };
    }
}
