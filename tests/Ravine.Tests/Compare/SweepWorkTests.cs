using Ravine.Cli.Commands;
using Ravine.Cli.Compare;
using Ravine.Tests.Optimization;

namespace Ravine.Tests.Compare;

/// <summary>The default sweep does the work it says: 6 × 5 cells, one run each, within the call budget, and no more memory than its runs need.</summary>
[Collection(AllocationMeasurementCollection.Name)]
public class SweepWorkTests
{
    private static SweepPlan DefaultPlan(long maxCalls) =>
        new SweepSettings { Problem = "quadratic-sensing", Method = "gdpolyak", MaxCalls = maxCalls }.ToPlan();

    [Fact]
    public void The_default_sweep_runs_30_cells_once_each_within_the_call_budget()
    {
        var plan = DefaultPlan(40);
        Assert.Equal(("eta", 6), (plan.X.Key, plan.X.Values.Count));
        Assert.Equal(("K", 5), (plan.Y!.Key, plan.Y.Values.Count));
        int finished = 0;
        var cells = SweepRunner.Run(plan, () => Interlocked.Increment(ref finished));
        Assert.Equal(30, finished);
        Assert.Equal(30, cells.Count);
        Assert.All(cells, cell => Assert.InRange(Assert.Single(cell.Runs).OracleCalls, 1, 40));
    }

    [Fact]
    public void A_default_sweep_cell_allocates_for_its_calls_not_for_unlimited_epochs()
    {
        // The cell with the largest K (3,000): with the epochs left open, each run's trace was sized for 2^24 rows,
        // 1.3 GB per run, 40 GB for the 30 cells, however few calls the budget allowed.
        var plan = DefaultPlan(40);
        var cell = plan.Cell(0, plan.Y!.Values.Count - 1);
        long bytes = AllocationMeasurement.AllocatedBy(() =>
            RunMeasurement.Run(plan.Problem, plan.FirstSeed, 0, false, cell, plan.MaxCalls, [plan.Target]));
        // The instance (A and B, 100 × 1,000 each) and the run's vectors: a few MB.
        Assert.True(bytes < 20_000_000, $"one 40-call cell allocated {bytes:N0} bytes");
    }
}
