namespace Ravine.Cli.Experiments;

/// <summary>
/// Watches an experiment, e.g. to draw progress or to write each run's files as soon as it ends. Runs may go in
/// parallel, so implementations must accept calls from several threads at once.
/// </summary>
public interface IExperimentObserver
{
    /// <summary>A run starts with this iteration limit.</summary>
    void RunStarted(ExperimentKey key, int iterationBudget);

    /// <summary>A run reached <paramref name="iteration"/> with this gap; called about a hundred times per run.</summary>
    void Progress(ExperimentKey key, int iteration, double gap);

    /// <summary>A run ended (completed, stopped or cancelled).</summary>
    void RunFinished(ExperimentRun run);
}
