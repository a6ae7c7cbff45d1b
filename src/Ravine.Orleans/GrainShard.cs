namespace Ravine.Orleans;

/// <summary>A shard served by an <see cref="ISensingShardGrain"/> on an Orleans cluster.</summary>
public sealed class GrainShard : IObjectiveShard
{
    private readonly ISensingShardGrain _grain;

    /// <summary>The shard <paramref name="data"/> as served by its grain, got from <paramref name="grains"/> (no call is made).</summary>
    public GrainShard(IGrainFactory grains, SensingShardData data)
    {
        ArgumentNullException.ThrowIfNull(grains);
        Data = data ?? throw new ArgumentNullException(nameof(data));
        _grain = grains.GetGrain<ISensingShardGrain>(data.Key);
    }

    /// <summary>The rows the shard owns.</summary>
    public SensingShardData Data { get; }

    /// <summary>The grain.</summary>
    public ISensingShardGrain Grain => _grain;

    /// <inheritdoc />
    public string Description => Data.Description;

    /// <inheritdoc />
    public int Rows => Data.Rows;

    /// <summary>Has the grain read or generate its rows (nothing happens when it holds them already).</summary>
    public Task<int> LoadAsync() => _grain.LoadAsync(Data);

    /// <inheritdoc />
    public Task<ShardPartial> EvaluateAsync(double[] x) => _grain.EvaluateAsync(x);
}
