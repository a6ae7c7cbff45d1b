namespace Ravine.Cli.Experiments;

/// <summary>Combining observers, e.g. a progress display and a file writer.</summary>
public static class ExperimentObservers
{
    /// <summary>An observer that forwards every call to each of <paramref name="observers"/> in order.</summary>
    public static IExperimentObserver Combine(params IExperimentObserver[] observers)
    {
        ArgumentNullException.ThrowIfNull(observers);
        return new Chain(observers.ToArray());
    }

    private sealed class Chain(IExperimentObserver[] observers) : IExperimentObserver
    {
        public void RunStarted(ExperimentKey key, int iterationBudget)
        {
            foreach (var o in observers) o.RunStarted(key, iterationBudget);
        }

        public void Progress(ExperimentKey key, int iteration, double gap)
        {
            foreach (var o in observers) o.Progress(key, iteration, gap);
        }

        public void RunFinished(ExperimentRun run)
        {
            foreach (var o in observers) o.RunFinished(run);
        }
    }
}
