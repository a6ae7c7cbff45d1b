using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;

namespace Ravine.Tests.Optimization;

public class BudgetTests
{
    // f = x⁴: GD creeps towards 0 and never meets an exact zero gradient, so only a budget ends the run.
    private static IObjective Quartic() => Objective.Create(1, (x, g) => { g[0] = 4 * x[0] * x[0] * x[0]; return x[0] * x[0] * x[0] * x[0]; });

    [Fact]
    public void GdPolyak_plans_epochs_times_K_plus_one_steps_beyond_the_int_range()
    {
        // K = int.MaxValue: K + 1 overflowed to a negative budget, and a run planned on it took no step.
        Assert.True(new GdPolyak(0.1, int.MaxValue, 2, 0).PlannedSteps == 2 * ((long)int.MaxValue + 1));
        Assert.True(new GdPolyak(0.1, 1_000_000, 3000, 0).PlannedSteps == 3000L * 1_000_001);
    }

    [Fact]
    public void GdPolyak_with_unlimited_epochs_plans_nothing_so_the_default_budget_applies()
    {
        // It planned int.MaxValue·(K + 1) steps, a budget no run reaches: without MaxIterations the run never ended.
        Assert.Null(new GdPolyak(0.01, 10, GdPolyak.UnlimitedEpochs, 0).PlannedSteps);
        Assert.Null(new GdPolyak(0.01, 10, GdPolyak.UnlimitedEpochs, null).PlannedSteps);
        Assert.Equal(11L * (int.MaxValue - 1L), new GdPolyak(0.01, 10, int.MaxValue - 1, 0) { Safeguard = false }.PlannedSteps);
    }

    [Fact]
    public void A_run_with_a_huge_K_takes_its_steps()
    {
        var r = Minimizer.Minimize(Quartic(), [1.0], new GdPolyak(0.01, int.MaxValue, 2, 0), new MinimizeOptions { MaxIterations = 50 });
        Assert.Equal(StopReason.MaxIterations, r.StopReason);
        Assert.True(r.Iterations == 50);
    }

    [Fact]
    public void Iteration_limits_and_counts_are_64_bit()
    {
        // K = 1,000,000 for 3000 epochs is 3·10⁹ steps: an int limit wrapped to −1,294,964,296.
        var options = new MinimizeOptions { MaxIterations = new GdPolyak(0.1, 1_000_000, 3000, 0).PlannedSteps!.Value };
        Assert.Equal(3_000_003_000L, options.MaxIterations);
        long iterations = Minimizer.Minimize(Quartic(), [1.0], new GradientDescent(0.01), options with { MaxIterations = 3 }).Iterations;
        Assert.Equal(3L, iterations);
    }

    [Fact]
    public void A_run_without_a_limit_stops_at_the_default_budget_with_a_bounded_trace()
    {
        // A forgotten limit once ran 16.8 M iterations into 2.9 GB in 5 s. The observer only guards this test.
        long before = GC.GetAllocatedBytesForCurrentThread();
        var r = Minimizer.Minimize(Quartic(), [1.0], new GradientDescent(0.1), new MinimizeOptions
        {
            Observer = (in IterationInfo info) => info.Iteration < 2 * MinimizeOptions.DefaultMaxIterations ? ObserverAction.Continue : ObserverAction.Stop,
        });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(StopReason.MaxIterations, r.StopReason);
        Assert.Equal(MinimizeOptions.DefaultMaxIterations, r.Iterations);
        Assert.Equal(MinimizeOptions.DefaultMaxIterations + 1, r.Trace.Count);
        // The trace doubles its 77-byte rows up to 131,072: about 20 MB in all, far from the 2.9 GB of an unbounded run.
        Assert.InRange(allocated, 0, 24_000_000);
        Assert.Equal(StopReason.MaxIterations, Minimizer.Minimize(Quartic(), [1.0], new GradientDescent(0.1)).StopReason);
    }

    [Fact]
    public void A_method_with_its_own_budget_is_not_cut_by_the_default_one()
    {
        var r = Minimizer.Minimize(Quartic(), [1.0], new GdPolyak(1e-3, 150_000, 1, 0));
        Assert.Equal(StopReason.MethodCompleted, r.StopReason);
        Assert.Equal(150_001L, r.Iterations);
    }
}
