using System.Runtime.ExceptionServices;

namespace Ravine.Problems;

/// <summary>
/// Helper threads that evaluate the row blocks of a sensing oracle call side by side with the calling thread, and
/// allocate nothing per call (a <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> per wave of blocks
/// allocated its task machinery on every call: 3–23 kB at two threads). One set for the process, started on first use
/// and grown to the most threads asked for; background threads, idle between calls.
/// </summary>
/// <remarks>
/// One call uses them at a time. A call that finds them busy (another oracle evaluating on other threads at the same
/// moment) evaluates its blocks on its own thread: the sums do not depend on who evaluates a block (each block has its
/// own partial, added in block order), so only the speed changes, never a bit of the result.
/// </remarks>
internal sealed class SensingWorkers
{
    /// <summary>The process's helpers.</summary>
    public static SensingWorkers Shared { get; } = new();

    private const int MaxHelpers = 63;

    private readonly Lock _grow = new();
    private readonly SemaphoreSlim _start = new(0);
    private readonly ManualResetEventSlim _done = new(false);
    private int _helpers;
    private int _busy;

    // The job of the call under way: written before _start is released, read by the helpers after they pass it.
    private SensingPartial.Wave _wave;
    private int _first, _count, _next, _active;
    private ExceptionDispatchInfo? _failure;

    /// <summary>
    /// Evaluates blocks <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 of
    /// <paramref name="wave"/> on up to <paramref name="threads"/> threads, this one included, and returns when all are done.
    /// </summary>
    public void Run(in SensingPartial.Wave wave, int first, int count, int threads)
    {
        int helpers = Math.Min(Math.Min(threads, count) - 1, MaxHelpers);
        if (helpers < 1 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (int i = 0; i < count; i++) wave.Evaluate(i, first + i);
            return;
        }
        try
        {
            EnsureHelpers(helpers);
            (_wave, _first, _count, _next, _active, _failure) = (wave, first, count, 0, helpers, null);
            _done.Reset();
            _start.Release(helpers);
            Drain();
            _done.Wait();
            _wave = default;
            _failure?.Throw();
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private void EnsureHelpers(int helpers)
    {
        if (Volatile.Read(ref _helpers) >= helpers) return;
        lock (_grow)
        {
            while (_helpers < helpers)
            {
                new Thread(Serve) { IsBackground = true, Name = "Ravine sensing worker" }.Start();
                _helpers++;
            }
        }
    }

    private void Serve()
    {
        while (true)
        {
            _start.Wait();
            Drain();
            if (Interlocked.Decrement(ref _active) == 0) _done.Set();
        }
    }

    // Takes blocks until none is left; a block that throws ends this thread's share, and the first failure is kept
    // for the caller, which rethrows it once every helper has finished.
    private void Drain()
    {
        try
        {
            int i;
            while ((i = Interlocked.Increment(ref _next) - 1) < _count) _wave.Evaluate(i, _first + i);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
            // The others stop taking blocks: the call fails anyway.
            Volatile.Write(ref _next, int.MaxValue / 2);
        }
    }
}
