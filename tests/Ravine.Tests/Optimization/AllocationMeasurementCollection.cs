namespace Ravine.Tests.Optimization;

/// <summary>
/// Allocation measurements run alone, after the parallel tests: under a full parallel run the runtime now and then
/// allocated on a measuring thread for its own reasons, which made a zero-per-iteration check fail by chance.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurementCollection
{
    public const string Name = "Allocation measurements";
}
