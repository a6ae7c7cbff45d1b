using Ravine.Cli.Experiments;

namespace Ravine.Tests.Experiments;

public class ExperimentTimingTests
{
    private static readonly ExperimentPlan RosenbrockQuick = new() { Problems = ["quartic-rosenbrock"], Methods = ["gdpolyak", "gd"], Quick = true };

    [Fact]
    public void Timing_repeats_each_run_and_reports_the_median_of_its_wall_times()
    {
        var seen = new List<(ExperimentKey, int)>();
        var timed = ExperimentTiming.Time(RosenbrockQuick, 3, (key, r) => seen.Add((key, r)));

        Assert.Equal(["gdpolyak", "gd"], timed.Select(t => t.Method));
        Assert.Equal(6, seen.Count);
        Assert.Equal([1, 2, 3], seen.Where(s => s.Item1.Method == "gd").Select(s => s.Item2));
        foreach (var run in timed)
        {
            Assert.Equal(3, run.Seconds.Count);
            Assert.Equal(run.Seconds.Order().ElementAt(1), run.MedianSeconds);
            Assert.Equal(run.Seconds.Min(), run.MinSeconds);
            Assert.Equal(run.Seconds.Max(), run.MaxSeconds);
            Assert.Equal(run.OracleCalls / run.MedianSeconds, run.OracleCallsPerSecond);
            Assert.True(double.IsNaN(run.OracleFlops)); // the Rosenbrock function does not state its flops
        }
        // GDPolyak at a fifth of 50 epochs: 10 × (K = 100 short + 1 long) iterations; GD the same K·epochs.
        Assert.Equal(1010, timed[0].Iterations);
        Assert.Equal(1000, timed[1].Iterations);
        Assert.Equal(timed[0].Iterations + 1, timed[0].OracleCalls);
    }

    [Fact]
    public void Timing_the_same_plan_twice_counts_the_same_oracle_calls()
    {
        var first = ExperimentTiming.Time(RosenbrockQuick, 1);
        var second = ExperimentTiming.Time(RosenbrockQuick, 2);
        Assert.Equal(first.Select(t => t.OracleCalls), second.Select(t => t.OracleCalls));
    }

    [Fact]
    public void Timing_with_no_repetitions_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ExperimentTiming.Time(RosenbrockQuick, 0));

    [Fact]
    public void A_cancelled_timing_returns_no_partial_runs()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.Empty(ExperimentTiming.Time(RosenbrockQuick, 2, cancellationToken: cancel.Token));
    }
}
