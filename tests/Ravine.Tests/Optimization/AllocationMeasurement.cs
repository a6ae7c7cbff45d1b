namespace Ravine.Tests.Optimization;

/// <summary>What an action allocates on this thread, once warm.</summary>
internal static class AllocationMeasurement
{
    /// <summary>
    /// The least bytes any of five calls of <paramref name="action"/> allocates on this thread, after three to warm up
    /// (JIT, static initializers, the tier-up of hot methods). The runtime may allocate on the thread once for its own
    /// reasons, while tiered compilation swaps in optimized code; an allocation of the action's own shows in every call.
    /// </summary>
    public static long AllocatedBy(Action action)
    {
        for (int i = 0; i < 3; i++) action();
        long least = long.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
