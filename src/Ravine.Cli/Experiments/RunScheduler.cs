using System.Collections.Concurrent;

namespace Ravine.Cli.Experiments;

/// <summary>
/// The one scheduler of the commands' runs (run, reproduce, bench, compare and its tuning, sweep, versus): up to a
/// given number of runs at once, one run at a time per worker. Each run makes its own instance and method state, so
/// the numbers of every run are the same whatever the number of workers; only the seconds differ.
/// </summary>
internal static class RunScheduler
{
    /// <summary>
    /// Runs <paramref name="run"/> on every spec and returns the results in the specs' order. When
    /// <paramref name="cancellationToken"/> fires, the runs under way get it (and stop as cancelled, keeping their partial
    /// traces) and the runs not yet started are left out: their results are null. <paramref name="finished"/> is
    /// called on the worker's thread after each run. With one worker (or one spec) the runs go one after another on the
    /// calling thread, and an exception of a run reaches the caller as it was thrown; with more, the exceptions of the
    /// runs come together in one <see cref="AggregateException"/>. With <paramref name="startCancelled"/> (one worker), no
    /// run is left out: each starts, and stops at once as cancelled, so that what its start records (ravine run's
    /// checkpoint and files) is written.
    /// </summary>
    public static TResult?[] Run<TSpec, TResult>(IReadOnlyList<TSpec> specs, int maxParallelRuns, Func<TSpec, CancellationToken, TResult> run,
        Action<TResult>? finished = null, CancellationToken cancellationToken = default, bool startCancelled = false) where TResult : class
    {
        if (startCancelled && maxParallelRuns != 1)
            throw new ArgumentException("Runs started after a cancellation go one at a time.", nameof(startCancelled));
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(run);
        var results = new TResult?[specs.Count];
        if (maxParallelRuns == 1 || specs.Count == 1)
        {
            // In order on the calling thread: ravine run's one run stays on the thread that set up the console and the
            // signal handling, and its exceptions reach the command unwrapped.
            for (int i = 0; i < specs.Count && (startCancelled || !cancellationToken.IsCancellationRequested); i++)
            {
                results[i] = run(specs[i], cancellationToken);
                finished?.Invoke(results[i]!);
            }
            return results;
        }
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
