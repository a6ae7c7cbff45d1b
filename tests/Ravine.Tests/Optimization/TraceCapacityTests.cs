using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Optimization;

/// <summary>A run sizes its trace by the work it may do, not by a method's unbounded plan.</summary>
[Collection(AllocationMeasurementCollection.Name)]
public class TraceCapacityTests
{
    [Fact]
    public void GdPolyak_without_an_epoch_limit_sizes_its_trace_by_the_oracle_call_budget()
    {
        // No epoch limit plans int.MaxValue epochs of K + 2 steps: the trace was sized for its cap, 2^24 rows (1.3 GB),
        // for a run of 1,000 oracle calls.
        long bytes = AllocationMeasurement.AllocatedBy(() =>
        {
            var result = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], new GdPolyak(0.0125, 100, int.MaxValue, 0),
                new MinimizeOptions { MaxOracleCalls = 1_000 });
            Assert.Equal(StopReason.MaxOracleCalls, result.StopReason);
            Assert.Equal(1_000, result.OracleCalls);
        });
        // Two rows per call at most (a rejected long step is a row without a call), ~81 bytes a row.
        Assert.True(bytes < 1_000_000, $"a 1,000-call run allocated {bytes:N0} bytes");
    }
}
