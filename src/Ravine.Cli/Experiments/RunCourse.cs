using Ravine.Optimization;

namespace Ravine.Cli.Experiments;

/// <summary>
/// How <see cref="Runner"/> drives one run's minimization, and what is kept on disk around it. This plain
/// course keeps nothing and starts from the spec's start; <see cref="CheckpointedCourse"/> wraps the same run with a
/// checkpoint file and a trace CSV that grows as the run goes.
/// </summary>
internal class RunCourse : IDisposable
{
    /// <summary>A course for <paramref name="checkpointing"/>: checkpointed when it is given, plain otherwise.</summary>
    public static RunCourse For(RunCheckpointing? checkpointing, RunObservations observations) =>
        checkpointing is null ? new RunCourse() : new CheckpointedCourse(checkpointing, observations);

    /// <summary>The trace CSV (full path) the run appends its trace to as it goes, or null.</summary>
    public virtual string? TraceFile => null;

    /// <summary>The loop's options with what this course needs of it.</summary>
    public virtual MinimizeOptions Configure(MinimizeOptions options) => options;

    /// <summary>Runs the minimization.</summary>
    public virtual MinimizeResult Minimize(RunSpec spec, MinimizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Minimizer.Minimize(spec.Problem, spec.Start ?? spec.Problem.Start, spec.Method, options);
    }

    /// <summary>The objective failed; <paramref name="partial"/> is the run up to the failure.</summary>
    public virtual void Failed(MinimizeResult partial) { }

    /// <summary>The run ended with <paramref name="result"/>; its record is not out yet.</summary>
    public virtual void Ended(MinimizeResult result) { }

    /// <summary>The run's record is out: its observers have written its files.</summary>
    public virtual void Recorded() { }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes what the course holds open.</summary>
    protected virtual void Dispose(bool disposing) { }
}
