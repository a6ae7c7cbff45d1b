using Ravine.Optimization;

namespace Ravine.Cli.Experiments;

/// <summary>
/// A run that keeps a checkpoint file as <see cref="RunCheckpointing"/> says: its trace appended to the trace CSV and
/// the checkpoint written every <see cref="RunCheckpointing.Interval"/> iterations and at a cancellation, the
/// checkpoint deleted when the run ends otherwise; with <see cref="RunCheckpointing.ResumeFrom"/>, the run continues
/// from there, and its trace equals that of a run never interrupted (but for the seconds column).
/// </summary>
internal sealed class CheckpointedCourse : RunCourse
{
    private readonly RunCheckpointing _checkpointing;
    private readonly RunObservations _observations;
    private readonly RunTraceFile _trace;
    private RunCheckpoint? _latest;
    private bool _resumable;

    public CheckpointedCourse(RunCheckpointing checkpointing, RunObservations observations)
    {
        _checkpointing = checkpointing;
        _observations = observations;
        if (checkpointing.ResumeFrom is { } resumed) observations.Resume(resumed, checkpointing.ResumeAnnotations);
        _trace = checkpointing.OpenTraceFile();
    }

    public override string TraceFile => Path.Combine(Path.GetDirectoryName(_checkpointing.Path)!, _checkpointing.TraceFile);

    public override MinimizeOptions Configure(MinimizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!_checkpointing.CheckpointOnFailure)
            return options with { CheckpointInterval = _checkpointing.Interval, CheckpointSink = checkpoint => Save(checkpoint) };
        int interval = _checkpointing.Interval;
        return options with
        {
            CheckpointInterval = 1,
            CheckpointSink = checkpoint =>
            {
                _latest = checkpoint;
                if (interval > 0 && checkpoint.Iteration % interval == 0) Save(checkpoint);
            },
        };
    }

    public override MinimizeResult Minimize(RunSpec spec, MinimizeOptions options) =>
        _checkpointing.ResumeFrom is { } from ? Minimizer.Resume(spec.Problem, spec.Method, from, options) : base.Minimize(spec, options);

    public override void Failed(MinimizeResult partial)
    {
        // The state after the last iteration that completed: the objective threw inside the next one, before its
        // row was recorded, so the live trace still holds exactly that state's rows (one per iteration and the start).
        if (_latest is not null && _latest.Trace.Count == _latest.Iteration + 1) Save(_latest);
        // The trace up to the failure is the user's best clue to it: the observer writes it before the error ends the command.
        _trace.Append(partial.Trace, _observations.Annotations(partial.Trace));
        _trace.Dispose();
    }

    public override void Ended(MinimizeResult result)
    {
        // The checkpoint first: an interrupted run's state is what a second Ctrl+C must not lose.
        _resumable = result.StopReason == StopReason.Cancelled && result.Checkpoint is not null;
        if (_resumable) Save(result.Checkpoint!);
        else _trace.Append(result.Trace, _observations.Annotations(result.Trace));
        _trace.Dispose();
    }

    // Only once the trace is on disk: a kill in between leaves a checkpoint that reproduces the same ending.
    public override void Recorded()
    {
        if (!_resumable) _checkpointing.Discard();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _trace.Dispose();
    }

    private void Save(RunCheckpoint checkpoint) => _checkpointing.Save(checkpoint, _trace, _observations);
}
