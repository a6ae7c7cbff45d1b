namespace Ravine.Tests.Optimization;

/// <summary>What an action allocates on this thread, once warm.</summary>
internal static class AllocationMeasurement
{
    /// <summary>The bytes the second of two calls of <paramref name="action"/> allocates on this thread.</summary>
    public static long AllocatedBy(Action action)
    {
        action(); // warm up: JIT, static initializers
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
