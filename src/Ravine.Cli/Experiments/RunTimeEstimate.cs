namespace Ravine.Cli.Experiments;

/// <summary>
/// When a run's remaining time is estimated, and from what: the time per iteration over a window after a warm-up,
/// counting the method's work only. The time spent observing the run beside it (a classification problem's accuracy
/// samples, dense in the first iterations: 0, 1, 2, 5, 10, 20, …) is left out, since the rest of the run has few of
/// them; counted, they made a fashion-mnist run look several times slower than it was.
/// </summary>
internal sealed class RunTimeEstimate
{
    // The window: this long or this many iterations after a warm-up, whichever comes first; long enough to average
    // out the first calls' start-up, short enough to warn before a long run is under way.
    private static readonly TimeSpan EstimateAfter = TimeSpan.FromSeconds(3), WarmUp = TimeSpan.FromSeconds(1);
    private const long EstimateIterations = 200, WarmUpIterations = 20;

    /// <summary>True once the window was returned: nothing more to observe (nor to time).</summary>
    public bool Done => _done;

    private long _firstIteration = -1;
    private TimeSpan _firstWorking;
    private bool _warm, _done;

    /// <summary>
    /// Takes an iteration, the run's elapsed time there and the part of it spent observing the run (not in the
    /// method or its oracle calls); returns, once, the iterations of the window and the working time they took.
    /// </summary>
    public (long Iterations, TimeSpan Elapsed)? Observe(long iteration, TimeSpan elapsed, TimeSpan observing)
    {
        if (_done) return null;
        TimeSpan working = elapsed - observing;
        if (_firstIteration < 0)
            (_firstIteration, _firstWorking) = (iteration, working);
        else if (!_warm)
        {
            // The baseline moves past the warm-up (the start's evaluation, compilation), once.
            if (working - _firstWorking >= WarmUp || iteration - _firstIteration >= WarmUpIterations)
                (_firstIteration, _firstWorking, _warm) = (iteration, working, true);
        }
        else if (working - _firstWorking >= EstimateAfter || iteration - _firstIteration >= EstimateIterations)
        {
            _done = true;
            return (iteration - _firstIteration, working - _firstWorking);
        }
        return null;
    }
}
