using Ravine.Methods;
using Ravine.Optimization;

namespace Ravine.Cli.Experiments;

/// <summary>
/// How a <see cref="RunPlan"/> keeps its <see cref="RunCheckpointFile"/>: where, how often, and (to continue a run)
/// the checkpoint it starts from. <see cref="Runner.Run(RunPlan, IExperimentObserver?, CancellationToken, RunCheckpointing?)"/>
/// appends the trace to its CSV (<see cref="RunTraceFile"/>) and writes the file every <see cref="Interval"/>
/// iterations and when the run is cancelled, and deletes it when the run ends any other way (it is over; there is
/// nothing to continue).
/// </summary>
public sealed record RunCheckpointing
{
    /// <summary>The default interval of <c>ravine run --checkpoint-every</c>.</summary>
    public const int DefaultInterval = 1000;

    /// <summary>The file's path.</summary>
    public required string Path { get; init; }

    /// <summary>The resolved settings stored with each checkpoint (see <see cref="ResolvedSettings"/>).</summary>
    public required RunSettings Settings { get; init; }

    /// <summary>Write a checkpoint every this many iterations; 0: only when the run is cancelled.</summary>
    public int Interval { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException("checkpoint-every", value, "checkpoint-every must be ≥ 0."); } = DefaultInterval;

    /// <summary>The trace CSV the run appends to, relative to the checkpoint's folder (<see cref="ExperimentFiles.TraceFile"/>).</summary>
    public required string TraceFile { get; init; }

    /// <summary>The checkpoint to continue from; null starts the run from its start point.</summary>
    public RunCheckpoint? ResumeFrom { get; init; }

    /// <summary>With <see cref="ResumeFrom"/>: the bytes of the trace CSV that hold its rows (what follows them is cut off).</summary>
    public long ResumeTraceLength { get; init; }

    /// <summary>With <see cref="ResumeFrom"/>: the annotations (diagnostics, accuracies) of the rows on disk, by row.</summary>
    internal IReadOnlyDictionary<int, Ravine.IO.TraceAnnotation> ResumeAnnotations { get; init; } = new Dictionary<int, Ravine.IO.TraceAnnotation>();

    /// <summary>
    /// Keep the state of every iteration in memory (it is written every <see cref="Interval"/> iterations as ever), and
    /// write the last one when the objective throws: a run whose objective lives elsewhere (shards on a cluster) then
    /// loses at most the iteration under way to a failure, and <c>--resume</c> continues from there once the objective
    /// answers again. Costs a copy of the state per iteration: on for sharded runs only.
    /// </summary>
    public bool CheckpointOnFailure { get; init; }

    /// <summary>With a data folder: its <see cref="Experiments.DataFingerprint"/>, stored with each checkpoint.</summary>
    public IReadOnlyDictionary<string, string?>? DataFingerprint { get; init; }

    /// <summary>With an x0 file: its hash (<see cref="StartFile.Fingerprint"/>), stored with each checkpoint.</summary>
    public string? StartFingerprint { get; init; }

    /// <summary>
    /// Checkpointing of <paramref name="plan"/> into <c>checkpoint.json</c> of <paramref name="folder"/>, with the
    /// plan's settings resolved so that the file alone rebuilds the run.
    /// </summary>
    public static RunCheckpointing For(RunPlan plan, string folder, int interval = DefaultInterval)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var settings = ResolvedSettings(plan, folder);
        return new RunCheckpointing
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetFullPath(folder), RunCheckpointFile.FileName),
            Settings = settings,
            Interval = interval,
            TraceFile = ExperimentFiles.TraceFile(new ExperimentKey(plan.Problem.Name, plan.MethodName)),
            DataFingerprint = settings.Data is { } data ? Experiments.DataFingerprint.Of(settings.Problem, data) : null,
            StartFingerprint = settings.X0 is { } x0 ? StartFile.Fingerprint(x0) : null,
            CheckpointOnFailure = ShardedRun.Wanted(settings),
        };
    }

    /// <summary>
    /// Continues the run whose <c>checkpoint.json</c> is in <paramref name="folder"/>: its settings rebuild the plan
    /// (the same instance from the same seed or data folder, the same method), and the checkpoint is where it goes on.
    /// </summary>
    /// <exception cref="FileNotFoundException">The folder holds no checkpoint.json (the run finished, or never started).</exception>
    /// <exception cref="FormatException">checkpoint.json is damaged or not a checkpoint, or the trace CSV it continues is missing, damaged or cut short.</exception>
    /// <exception cref="ArgumentException">The checkpoint does not fit the rebuilt problem or method.</exception>
    /// <exception cref="Instances.InstanceDataException">A file of the data folder changed since the run began.</exception>
    /// <param name="folder">The run's output folder.</param>
    /// <param name="interval">The checkpoint interval from here on.</param>
    /// <param name="cluster">The gateways of the cluster that serves the shards now, if not the stored ones (a sharded run only).</param>
    /// <param name="membership">The Redis of the cluster that serves the shards now, if not the stored one (a sharded run only).</param>
    public static (RunPlan Plan, RunCheckpointing Checkpointing) Resume(string folder, int interval = DefaultInterval, string? cluster = null, string? membership = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string path = System.IO.Path.Combine(System.IO.Path.GetFullPath(folder), RunCheckpointFile.FileName);
        if (!File.Exists(path))
            throw new FileNotFoundException(Directory.Exists(folder)
                ? $"{path} does not exist: the run in that folder finished (or was never interrupted), so there is nothing to resume"
                : $"{folder}: no such folder", path);
        SavedRun saved;
        try
        {
            saved = RunCheckpointFile.Read(path);
        }
        catch (FormatException e)
        {
            throw new FormatException(e.Message + StartOver(path), e);
        }
        // A cluster named now replaces the stored one, whichever way each was named.
        var settings = saved.Settings with
        {
            Output = System.IO.Path.GetFullPath(folder),
            Cluster = cluster ?? (membership is null ? saved.Settings.Cluster : null),
            Membership = membership ?? (cluster is null ? saved.Settings.Membership : null),
        };
        if ((cluster ?? membership) is not null && saved.Settings.Shards is null)
            throw new ArgumentException($"{(cluster is not null ? "--cluster" : "--membership")} with --resume moves a sharded run to another cluster, but the run in {folder} has no shards.", cluster is not null ? "cluster" : "membership");
        if (settings.Data is { } data && saved.DataFingerprint is { } fingerprint)
            Experiments.DataFingerprint.Verify(settings.Problem, data, fingerprint);
        if (settings.X0 is { } x0 && saved.StartFingerprint is { } startHash)
            StartFile.Verify(x0, startHash);
        var plan = RunPlan.Create(settings);
        var checkpoint = saved.Checkpoint;
        if (checkpoint.X.Length != plan.Problem.Dimension)
            throw new ArgumentException($"{path}: the checkpoint's point has length {checkpoint.X.Length} but the rebuilt {plan.Problem.Name} instance has dimension {plan.Problem.Dimension} (was the data folder changed?){StartOver(path)}");
        string folderPath = System.IO.Path.GetDirectoryName(path)!;
        return (plan, new RunCheckpointing
        {
            Path = path, Settings = settings, Interval = interval, ResumeFrom = checkpoint, DataFingerprint = saved.DataFingerprint, StartFingerprint = saved.StartFingerprint,
            CheckpointOnFailure = ShardedRun.Wanted(settings),
            TraceFile = System.IO.Path.GetRelativePath(folderPath, saved.TraceFile), ResumeTraceLength = saved.TraceLength,
            ResumeAnnotations = saved.Annotations,
        });
    }

    /// <summary>
    /// The way forward when a checkpoint cannot be continued: without it, <c>--out</c> refuses the folder (it holds an
    /// interrupted run) and <c>--resume</c> fails again.
    /// </summary>
    private static string StartOver(string path) =>
        $"; to start the run over in that folder, delete {path} (the other files stay until the new run replaces them), or give another --out";

    /// <summary>
    /// The plan's settings with every default made explicit (the method's options, f*, the iteration limit) and paths made
    /// absolute, so that a later Ravine with other defaults, or another working folder, rebuilds the same run.
    /// </summary>
    public static RunSettings ResolvedSettings(RunPlan plan, string folder)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Settings with
        {
            Data = plan.Settings.Data is { } data ? System.IO.Path.GetFullPath(data) : null,
            X0 = plan.Settings.X0 is { } x0 ? System.IO.Path.GetFullPath(x0) : null,
            MethodOptions = plan.Arguments.Values.ToDictionary(v => v.Key, v => MethodDescriptor.Format(v.Value), StringComparer.Ordinal),
            MaxIterations = plan.MaxIterations,
            OptimalValue = plan.Arguments.OptimalValue ?? plan.Settings.OptimalValue,
            Output = System.IO.Path.GetFullPath(folder),
        };
    }

    /// <summary>Opens the trace CSV: a new one, or with <see cref="ResumeFrom"/> the one holding its rows.</summary>
    internal RunTraceFile OpenTraceFile()
    {
        string file = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, TraceFile);
        return ResumeFrom is { } from ? RunTraceFile.Continue(file, from.Trace.Count, ResumeTraceLength, from.Trace.Columns) : RunTraceFile.Create(file);
    }

    /// <summary>Appends the trace's new rows to <paramref name="trace"/>, then (once they are on disk) writes the checkpoint counting them.</summary>
    internal void Save(RunCheckpoint checkpoint, RunTraceFile trace, RunObservations observations)
    {
        trace.Append(checkpoint.Trace, observations.Annotations(checkpoint.Trace));
        RunCheckpointFile.Write(Path, Settings, checkpoint, TraceFile, DataFingerprint, StartFingerprint);
    }

    internal void Discard() => File.Delete(Path);
}
