namespace Ravine.Cli.Experiments;

/// <summary>
/// Watches an experiment, e.g. to draw progress or to write each run's files as soon as it ends. Runs may go in
/// parallel, so implementations must accept calls from several threads at once.
/// </summary>
public interface IExperimentObserver
{
    /// <summary>A run starts with this iteration limit.</summary>
    void RunStarted(ExperimentKey key, long iterationBudget);

    /// <summary>A run reached <paramref name="iteration"/> with this gap; called about a hundred times per run.</summary>
    void Progress(ExperimentKey key, long iteration, double gap);

    /// <summary>
    /// Once per run, after its first iterations: it took <paramref name="elapsed"/> for <paramref name="iterations"/> of
    /// them, and <paramref name="remaining"/> iterations are left to its limit. Nothing by default.
    /// </summary>
    void Estimated(ExperimentKey key, long iterations, TimeSpan elapsed, long remaining) { }

    /// <summary>A run ended (completed, stopped or cancelled).</summary>
    void RunFinished(RunRecord run);
}
