using System.Collections.Concurrent;

namespace Ravine.Cli.Experiments;

/// <summary>
/// The one scheduler of the commands that make many runs (reproduce, bench, compare and its tuning, sweep, versus):
/// up to a given number of runs at once, one run at a time per worker. Each run makes its own instance and method
/// state, so the numbers of every run are the same whatever the number of workers; only the seconds differ.
/// </summary>
internal static class RunScheduler
{
    /// <summary>
    /// Runs <paramref name="run"/> on every spec and returns the results in the specs' order. When
    /// <paramref name="cancellationToken"/> fires, the runs under way get it (and stop as cancelled, keeping their partial
    /// traces) and the runs not yet started are left out: their results are null. <paramref name="finished"/> is
    /// called on the worker's thread after each run.
    /// </summary>
    public static TResult?[] Run<TSpec, TResult>(IReadOnlyList<TSpec> specs, int maxParallelRuns, Func<TSpec, CancellationToken, TResult> run,
        Action<TResult>? finished = null, CancellationToken cancellationToken = default) where TResult : class
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(run);
        var results = new TResult?[specs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelRuns };
        // One run at a time per worker: Parallel.For hands out ranges of indices, which put all three quadratic-sensing
        // runs of reproduce (nearly all of its work) on one worker and left the other idle.
        var indices = Partitioner.Create(Enumerable.Range(0, specs.Count), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(indices, options, i =>
        {
            if (cancellationToken.IsCancellationRequested) return;
            var result = run(specs[i], cancellationToken);
            results[i] = result;
            finished?.Invoke(result);
        });
        return results;
    }
}
