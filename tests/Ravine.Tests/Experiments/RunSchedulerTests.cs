using Ravine.Cli.Experiments;

namespace Ravine.Tests.Experiments;

public class RunSchedulerTests
{
    [Fact]
    public void Results_come_in_the_specs_order_whatever_the_workers()
    {
        var specs = Enumerable.Range(0, 40).ToArray();
        var results = RunScheduler.Run(specs, 3, (i, _) => (object)(i * i));
        Assert.Equal(specs.Select(i => (object)(i * i)), results);
    }

    [Fact]
    public void No_more_runs_go_at_once_than_allowed()
    {
        int running = 0, most = 0;
        RunScheduler.Run(Enumerable.Range(0, 12).ToArray(), 2, (i, _) =>
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(5);
            Interlocked.Decrement(ref running);
            return (object)i;
        });
        Assert.InRange(most, 1, 2);
    }

    [Fact]
    public void A_cancellation_reaches_the_run_under_way_and_leaves_the_rest_out()
    {
        using var cancellation = new CancellationTokenSource();
        var seen = new List<bool>();
        var results = RunScheduler.Run(Enumerable.Range(0, 5).ToArray(), 1, (i, token) =>
        {
            if (i == 2) cancellation.Cancel();
            seen.Add(token.IsCancellationRequested);
            return (object)i;
        }, cancellationToken: cancellation.Token);
        Assert.Equal([false, false, true], seen);
        Assert.Equal([0, 1, 2, null, null], results);
    }

    [Fact]
    public void One_worker_runs_on_the_calling_thread_and_lets_a_run_s_exception_through_unwrapped()
    {
        int caller = Environment.CurrentManagedThreadId;
        var threads = RunScheduler.Run(Enumerable.Range(0, 3).ToArray(), 1, (i, _) => (object)Environment.CurrentManagedThreadId);
        Assert.All(threads, t => Assert.Equal(caller, t));
        var error = Assert.Throws<InvalidOperationException>(() =>
            RunScheduler.Run([0], 1, (int i, CancellationToken _) => i == 0 ? throw new InvalidOperationException("run failed") : (object)i));
        Assert.Equal("run failed", error.Message);
    }

    [Fact]
    public void Runs_told_to_start_cancelled_start_after_a_cancellation_and_get_it()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var seen = new List<bool>();
        var results = RunScheduler.Run([0, 1], 1, (i, token) => { seen.Add(token.IsCancellationRequested); return (object)i; },
            cancellationToken: cancellation.Token, startCancelled: true);
        Assert.Equal([true, true], seen);
        Assert.Equal([0, 1], results);
        Assert.Equal([null, null], RunScheduler.Run([0, 1], 1, (i, _) => (object)i, cancellationToken: cancellation.Token));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
