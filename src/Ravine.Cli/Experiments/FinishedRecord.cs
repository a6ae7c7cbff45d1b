namespace Ravine.Cli.Experiments;

/// <summary>
/// Keeps the record the runner built when a run finished, so that a caller who catches the objective's failure writes
/// the summary from that record (with the run's observations and diagnostics) instead of building a second one.
/// </summary>
internal sealed class FinishedRecord : IExperimentObserver
{
    /// <summary>The last finished run's record, or null before any run finished.</summary>
    public RunRecord? Record { get; private set; }

    public void RunStarted(ExperimentKey key, long iterationBudget) { }

    public void Progress(ExperimentKey key, long iteration, double gap) { }

    public void RunFinished(RunRecord run) => Record = run;
}
