using Orleans.Runtime;

namespace Ravine.Orleans;

/// <summary>
/// A shard served by an <see cref="ISensingShardGrain"/> on an Orleans cluster, which follows the shard when its silo
/// dies: the call is made again once the cluster has placed the grain on a live silo and the grain has rebuilt its
/// rows there (from the seed, or from the shared data folder). The answer is the same bits wherever it is computed.
/// </summary>
/// <remarks>
/// <para>
/// A call that takes longer than <see cref="WatchInterval"/> is watched: when the silo that hosts the shard leaves the
/// cluster (the membership declares it dead), the call is given up at once rather than when the client's response
/// timeout runs out (a request forwarded by a gateway to a silo that then dies is otherwise answered by nothing).
/// </para>
/// <para>
/// What is retried: the cluster's own failures (the silo or gateway is gone, the message was rejected while the
/// membership catches up, the grain was re-activated without its rows), for up to <see cref="MovePatience"/>. What
/// is not: the grain cannot rebuild its rows on its new silo (the data folder is not reachable there, or a file
/// changed) — that error, naming the path, ends the call at once. A shard never answers from other rows.
/// </para>
/// </remarks>
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

    /// <summary>
    /// How long a call keeps trying to reach its shard after a failure of the cluster (by default a minute: a dead
    /// silo is declared dead within seconds, see <see cref="ShardHosting.DetectFailuresFast"/>); then it fails.
    /// </summary>
    public TimeSpan MovePatience { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The rows the shard owns.</summary>
    public SensingShardData Data { get; }

    /// <summary>The grain.</summary>
    public ISensingShardGrain Grain => _grain;

    /// <summary>The silo that hosted the grain when it was last loaded (<see cref="LoadAsync"/>), or null before.</summary>
    public string? Silo { get; private set; }

    /// <summary>How many times the shard was loaded again after a failure (it moved, or lost its rows).</summary>
    public int Moves { get; private set; }

    /// <inheritdoc />
    public string Description => Data.Description;

    /// <inheritdoc />
    public int Rows => Data.Rows;

    /// <summary>Has the grain read or generate its rows (nothing happens when it holds them already), and notes its silo.</summary>
    public async Task<int> LoadAsync()
    {
        int rows = await _grain.LoadAsync(Data).ConfigureAwait(false);
        Silo = await _grain.SiloAsync().ConfigureAwait(false);
        _hosts = await ActiveHostsAsync().ConfigureAwait(false);
        return rows;
    }

    // The silos that were active when the shard was last loaded or watched: one that leaves may have been carrying the call.
    private HashSet<string>? _hosts;

    /// <summary>How long a question to the cluster about its silos may take before the call it watches is made again.</summary>
    private static readonly TimeSpan HostsTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt to load a moved shard may take before it is made again (the grain takes one call at a time, so a second attempt waits for the first's rows).</summary>
    private static readonly TimeSpan LoadAttemptTimeout = TimeSpan.FromSeconds(10);

    private async Task<HashSet<string>> ActiveHostsAsync()
    {
        var hosts = await _management.GetHosts(onlyActive: true).WaitAsync(HostsTimeout).ConfigureAwait(false);
        return [.. hosts.Keys.Select(h => h.ToString())];
    }

    /// <inheritdoc />
    /// <exception cref="SiloUnavailableException">The cluster could not host the shard within <see cref="MovePatience"/>.</exception>
    /// <exception cref="Exception">The shard could not rebuild its rows on its new silo (e.g. <see cref="Ravine.Instances.InstanceDataException"/> naming a file).</exception>
    public async Task<ShardPartial> EvaluateAsync(double[] x)
    {
        DateTime? deadline = null;
        bool reloadedAfterGrainError = false;
        while (true)
        {
            Exception failure;
            try
            {
                return await WatchedAsync(x).ConfigureAwait(false);
            }
            catch (Exception e) when (IsClusterFailure(e) || (e is ShardNotLoadedException && !reloadedAfterGrainError))
            {
                // A grain that lost its rows (re-activated elsewhere, or collected) says so:
                // loading it again is the cure, once; a second one is a fault of its own.
                reloadedAfterGrainError |= !IsClusterFailure(e);
                failure = e;
            }
            deadline ??= DateTime.UtcNow + MovePatience;
            await MoveAsync(failure, deadline.Value).ConfigureAwait(false);
        }
    }

    /// <summary>Loads the shard again (the cluster places its grain on a live silo), retrying the cluster's failures until <paramref name="deadline"/>.</summary>
    private async Task MoveAsync(Exception failure, DateTime deadline)
    {
        while (true)
        {
            if (DateTime.UtcNow >= deadline)
                throw new SiloUnavailableException(
                    $"no silo could host it within {MovePatience.TotalSeconds:0} s after {failure.GetType().Name}: {ShardedObjective.Brief(failure.Message)} (is any worker left?)");
            // The membership needs a few probes to declare a silo dead; until then the grain's old place answers nothing.
            await Task.Delay(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
            try
            {
                var remaining = deadline - DateTime.UtcNow;
                await LoadAsync().WaitAsync(remaining < LoadAttemptTimeout ? remaining : LoadAttemptTimeout).ConfigureAwait(false);
                Moves++;
                return;
            }
            catch (Exception e) when (IsClusterFailure(e))
            {
                failure = e;
            }
        }
    }

    /// <summary>Failures of the cluster, not of the shard: the call may succeed once the grain is placed on a live silo.</summary>
    internal static bool IsClusterFailure(Exception e) =>
        e is SiloUnavailableException or OrleansMessageRejectionException or global::Orleans.Runtime.Messaging.ConnectionFailedException
            or GatewayTooBusyException or ClientNotAvailableException or TimeoutException
            or global::Orleans.Networking.Shared.SocketConnectionException or Microsoft.AspNetCore.Connections.ConnectionAbortedException
        || (e is OrleansException && e.GetType() == typeof(OrleansException));

    private async Task<ShardPartial> WatchedAsync(double[] x)
    {
        var call = _grain.EvaluateAsync(x);
        while (true)
        {
            if (await Task.WhenAny(call, Task.Delay(WatchInterval)).ConfigureAwait(false) == call)
                return await call.ConfigureAwait(false);
            if (Silo is not { } silo) continue;
            // A silo that left may have been the shard's or the gateway that carries the call: either way no answer comes
            // before the response timeout. The call is made again (the same bits wherever it is answered).
            string? gone;
            try
            {
                var hosts = await ActiveHostsAsync().ConfigureAwait(false);
                gone = !hosts.Contains(silo) ? silo : _hosts?.FirstOrDefault(h => !hosts.Contains(h));
                _hosts = hosts;
            }
            catch (TimeoutException)
            {
                gone = "(the cluster did not say which silos are active)";
            }
            if (gone is not null)
            {
                // The abandoned call ends with the response timeout; its fault is of no further interest.
                _ = call.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
                throw new SiloUnavailableException($"the silo {gone} left the cluster (it died or was stopped) while the call to the shard's silo {silo} was under way");
            }
        }
    }
}
