namespace Ravine.Cli.Experiments;

/// <summary>
/// Keeps the record the runner built when a run finished, so that a caller who catches the objective's failure writes
/// the summary from that record (with the run's observations and diagnostics) instead of building a second one.
/// </summary>
internal sealed class FinishedRecord : IExperimentObserver
{
    private RunRecord? _record;

    /// <summary>
    /// The last finished run's record. The runner reports a run whose objective threw before the exception goes on, so a
    /// caller that caught it always finds the record here.
    /// </summary>
    /// <exception cref="InvalidOperationException">No run has finished.</exception>
    public RunRecord Record => _record ?? throw new InvalidOperationException("No run has finished yet.");

    public void RunStarted(ExperimentKey key, long iterationBudget) { }

    public void Progress(ExperimentKey key, long iteration, double gap) { }

    public void RunFinished(RunRecord run) => _record = run;
}
