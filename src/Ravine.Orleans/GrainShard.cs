using Orleans.Runtime;

namespace Ravine.Orleans;

/// <summary>
/// A shard served by an <see cref="ISensingShardGrain"/> on an Orleans cluster. A call that takes longer than
/// <see cref="WatchInterval"/> is watched: when the silo that hosts the shard leaves the cluster (the membership
/// declares it dead), the call fails at once, instead of when the client's response timeout runs out. A request
/// forwarded by a gateway to a silo that then dies is otherwise answered by nothing but that timeout.
/// </summary>
public sealed class GrainShard : IObjectiveShard
{
    private readonly ISensingShardGrain _grain;
    private readonly IManagementGrain _management;

    /// <summary>The shard <paramref name="data"/> as served by its grain, got from <paramref name="grains"/> (no call is made).</summary>
    public GrainShard(IGrainFactory grains, SensingShardData data)
    {
        ArgumentNullException.ThrowIfNull(grains);
        Data = data ?? throw new ArgumentNullException(nameof(data));
        _grain = grains.GetGrain<ISensingShardGrain>(data.Key);
        _management = grains.GetGrain<IManagementGrain>(0);
    }

    /// <summary>How long a call runs before the shard's silo is checked, and then between checks.</summary>
    public static TimeSpan WatchInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The rows the shard owns.</summary>
    public SensingShardData Data { get; }

    /// <summary>The grain.</summary>
    public ISensingShardGrain Grain => _grain;

    /// <summary>The silo that hosted the grain when it was last loaded (<see cref="LoadAsync"/>), or null before.</summary>
    public string? Silo { get; private set; }

    /// <inheritdoc />
    public string Description => Data.Description;

    /// <inheritdoc />
    public int Rows => Data.Rows;

    /// <summary>Has the grain read or generate its rows (nothing happens when it holds them already), and notes its silo.</summary>
    public async Task<int> LoadAsync()
    {
        int rows = await _grain.LoadAsync(Data).ConfigureAwait(false);
        Silo = await _grain.SiloAsync().ConfigureAwait(false);
        return rows;
    }

    /// <inheritdoc />
    /// <exception cref="SiloUnavailableException">The shard's silo left the cluster while the call was under way.</exception>
    public async Task<ShardPartial> EvaluateAsync(double[] x)
    {
        var call = _grain.EvaluateAsync(x);
        while (true)
        {
            if (await Task.WhenAny(call, Task.Delay(WatchInterval)).ConfigureAwait(false) == call)
                return await call.ConfigureAwait(false);
            if (Silo is not { } silo) continue;
            var hosts = await _management.GetHosts(onlyActive: true).ConfigureAwait(false);
            if (!hosts.Keys.Any(h => h.ToString() == silo))
            {
                // The abandoned call ends with the response timeout; its fault is of no further interest.
                _ = call.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
                throw new SiloUnavailableException($"its silo {silo} left the cluster (it died or was stopped) while the call was under way");
            }
        }
    }
}
