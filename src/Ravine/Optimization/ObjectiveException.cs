namespace Ravine.Optimization;

/// <summary>
/// The objective threw during a run. The objective's own exception is the <see cref="Exception.InnerException"/>;
/// this one says at which iteration it happened and carries everything the run had gathered until then.
/// </summary>
public sealed class ObjectiveException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ObjectiveException(long iteration, long oracleCall, Exception inner, MinimizeResult? partialResult)
        : base($"The objective threw {inner.GetType().Name} at iteration {iteration} (oracle call {oracleCall}): {inner.Message}", inner)
    {
        Iteration = iteration;
        OracleCall = oracleCall;
        PartialResult = partialResult;
    }

    /// <summary>The iteration during which the objective threw (0 = the evaluation of the starting point).</summary>
    public long Iteration { get; }

    /// <summary>The 1-based number of the oracle call that threw.</summary>
    public long OracleCall { get; }

    /// <summary>The run up to the last successful evaluation (best point, trace), or null if the start point itself failed.</summary>
    public MinimizeResult? PartialResult { get; }
}
