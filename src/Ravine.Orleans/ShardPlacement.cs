using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Ravine.Orleans;

/// <summary>
/// Places shard s on the (s mod n)-th of the n compatible silos in address order, so N shards spread evenly over the
/// silos (random placement may put every shard, and all the data, on one); when a silo dies, its shards go round the
/// silos left.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed class ShardPlacementStrategy : PlacementStrategy
{
    internal static ShardPlacementStrategy Singleton { get; } = new();
}

/// <summary>Marks a grain class as placed by <see cref="ShardPlacementStrategy"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ShardPlacementAttribute() : PlacementAttribute(ShardPlacementStrategy.Singleton);

internal sealed class ShardPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s).ToArray();
        int shard = SensingShardData.ShardOfKey(target.GrainIdentity.Key.ToString() ?? "");
        return Task.FromResult(silos[shard % silos.Length]);
    }
}
