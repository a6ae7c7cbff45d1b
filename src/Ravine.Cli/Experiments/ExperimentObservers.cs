namespace Ravine.Cli.Experiments;

/// <summary>Combining observers, e.g. a progress display and a file writer.</summary>
public static class ExperimentObservers
{
    /// <summary>An observer that forwards every call to each of <paramref name="observers"/> in order; null entries (nobody) are left out.</summary>
    public static IExperimentObserver Combine(params IExperimentObserver?[] observers)
    {
        ArgumentNullException.ThrowIfNull(observers);
        return new Chain([.. observers.OfType<IExperimentObserver>()]);
    }

    private sealed class Chain(IExperimentObserver[] observers) : IExperimentObserver
    {
        public void RunStarted(ExperimentKey key, long iterationBudget)
        {
            foreach (var o in observers) o.RunStarted(key, iterationBudget);
        }

        public void Progress(ExperimentKey key, long iteration, double gap)
        {
            foreach (var o in observers) o.Progress(key, iteration, gap);
        }

        public void Estimated(ExperimentKey key, long iterations, TimeSpan elapsed, long remaining)
        {
            foreach (var o in observers) o.Estimated(key, iterations, elapsed, remaining);
        }

        public void RunFinished(RunRecord run)
        {
            foreach (var o in observers) o.RunFinished(run);
        }
    }
}
