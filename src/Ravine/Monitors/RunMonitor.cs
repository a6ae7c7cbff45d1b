namespace Ravine.Optimization;

/// <summary>
/// A part of a run's bookkeeping that is not the iteration loop itself (validation, diagnosis of a blow-up): the loop
/// calls it at fixed points of every iteration, and it may rewrite a step's report, stop the run, explain a blow-up,
/// keep state in the checkpoint and add to the result. Every call is made on the run's thread; none may allocate on
/// the per-iteration calls.
/// </summary>
internal abstract class RunMonitor
{
    /// <summary>The name under which the monitor's state is kept in <see cref="RunCheckpoint.MonitorStates"/>; null when it keeps none.</summary>
    public virtual string? StateName => null;

    /// <summary>The trace columns the monitor writes to in the reports it rewrites (see <see cref="IMethod.TraceColumns"/>).</summary>
    public virtual TraceColumns TraceColumns => TraceColumns.None;

    /// <summary>The columns a run's trace records: those <paramref name="method"/> declares and those its monitors write to.</summary>
    public static TraceColumns TraceColumnsOf(IMethod method, RunMonitor[] monitors)
    {
        var columns = method.TraceColumns;
        foreach (var monitor in monitors) columns |= monitor.TraceColumns;
        return columns;
    }

    /// <summary>The start is evaluated (iteration 0) and its trace row not yet written.</summary>
    public virtual void Started(Iterate start) { }

    /// <summary>A run resumes at <paramref name="iteration"/> with the state this monitor saved, or null when the checkpoint has none.</summary>
    public virtual void Resumed(Iterate current, long iteration, IReadOnlyDictionary<string, double[]>? state) { }

    /// <summary>The method is about to step from <paramref name="iterate"/>.</summary>
    public virtual void BeforeStep(Iterate iterate) { }

    /// <summary>The method stepped to <paramref name="iterate"/>, iteration <paramref name="iteration"/>; returns the report to record (the same or a rewritten one).</summary>
    public virtual StepReport AfterStep(Iterate iterate, long iteration, StepReport report) => report;

    /// <summary>After the run's own criteria let it go on: a reason to stop it now, or null.</summary>
    public virtual (StopReason Reason, string Message)? Stop() => null;

    /// <summary>The likely cause of a non-finite or diverged f reached by a step of <paramref name="kind"/> and <paramref name="stepsize"/>, or null.</summary>
    public virtual string? ExplainBlowUp(StepKind kind, double stepsize) => null;

    /// <summary>The state to keep in the checkpoint (see <see cref="StateName"/>).</summary>
    public virtual IReadOnlyDictionary<string, double[]>? SaveState() => null;

    /// <summary>Adds what the monitor knows to the result being built.</summary>
    public virtual void Complete(RunOutcome outcome) { }

    /// <summary>The monitors a run with <paramref name="options"/> on an objective of <paramref name="dimension"/> variables needs, in the order they are called.</summary>
    public static RunMonitor[] For(MinimizeOptions options, int dimension)
    {
        var diagnosis = new BlowUpDiagnosis();
        if (options.Validation is not { } validation) return [diagnosis];
        if (validation.Dimension != dimension)
            throw new ArgumentException($"The validation objective has dimension {validation.Dimension} but the objective has {dimension}.", nameof(options));
        // Validation first: it may roll a step back, and the diagnosis must judge the step that stands.
        return [new ValidationMonitor(validation, options.ValidationInterval, options.Patience), diagnosis];
    }
}
