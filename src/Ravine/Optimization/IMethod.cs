namespace Ravine.Optimization;

/// <summary>
/// An optimization method's settings: an immutable value, validated at construction. It creates a fresh
/// <see cref="IMethodState"/> for every run, so one settings value can serve many runs and threads.
/// </summary>
public interface IMethod
{
    /// <summary>A short name used in traces, tables and plots (e.g. "GDPolyak").</summary>
    string Name { get; }

    /// <summary>How many steps the method will take at most on its own (for example K+1 per epoch), or null if unbounded. Used to size the trace.</summary>
    long? PlannedSteps { get; }

    /// <summary>
    /// The trace columns the method records besides the common ones, from what its <see cref="StepReport"/>s carry
    /// (Optim.jl's per-method <c>trace!</c>); none unless the method declares them. What a report carries for an
    /// undeclared column is not recorded.
    /// </summary>
    TraceColumns TraceColumns => TraceColumns.None;

    /// <summary>Creates the per-run state, given the evaluated starting point.</summary>
    IMethodState Start(Iterate start, Oracle oracle);
}

/// <summary>The per-run state of a method: one call to <see cref="Step"/> is one iteration.</summary>
public interface IMethodState
{
    /// <summary>
    /// Performs one iteration: moves <paramref name="iterate"/> and leaves it evaluated (f and ∇f at the new point),
    /// making every oracle call through <paramref name="oracle"/>. Must not allocate.
    /// </summary>
    StepReport Step(Iterate iterate, Oracle oracle);

    /// <summary>
    /// A copy of everything the method remembers between steps (counters, moments, estimates), so that
    /// <see cref="Restore"/> on a fresh state continues the run bit for bit.
    /// </summary>
    MethodMemory Save();

    /// <summary>
    /// What the run's result message should add about how the method ran (for example that a given f* looked wrong and
    /// was replaced by an estimate); null when there is nothing to add.
    /// </summary>
    string? Caveat => null;

    /// <summary>What <see cref="Caveat"/> says about f*, as a kind: <see cref="OptimalValueDoubt.None"/> when it says nothing of f*.</summary>
    OptimalValueDoubt OptimalValueDoubt => OptimalValueDoubt.None;

    /// <summary>Continues from what <see cref="Save"/> returned (or its form read from a checkpoint, see <see cref="MethodMemory.As{T}"/>).</summary>
    /// <exception cref="FormatException">The memory is of another method, or a member is missing or out of range.</exception>
    void Restore(MethodMemory memory);
}
