namespace Ravine.Problems;

/// <summary>
/// A problem whose oracle can spread one call over several threads. The results do not depend on the thread count,
/// only the time does.
/// </summary>
public interface IUsesThreads
{
    /// <summary>How many threads one oracle call may use (≥ 1; default 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    int MaxDegreeOfParallelism { get; set; }
}
