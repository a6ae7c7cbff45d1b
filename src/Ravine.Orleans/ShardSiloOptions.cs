namespace Ravine.Orleans;

/// <summary>How a silo serves shards (see <see cref="ShardHosting.AddShards"/>).</summary>
public sealed class ShardSiloOptions
{
    /// <summary>Threads one shard's evaluation may use (its rows are cut into fixed blocks; the result does not depend on it). Default 1.</summary>
    public int Threads { get; set; } = 1;
}
