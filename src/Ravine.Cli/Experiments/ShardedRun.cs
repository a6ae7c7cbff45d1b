using Ravine.Optimization;
using Ravine.Orleans;
using Ravine.Problems;

namespace Ravine.Cli.Experiments;

/// <summary>
/// The instance of a run with <c>--shards</c>: quadratic sensing cut into shards, served by a cluster of
/// <c>ravine worker</c> silos (<c>--cluster</c>) or evaluated in this process, standing in for the local instance
/// (same name, start, f* and distance, so the run writes the same outputs).
/// </summary>
internal static class ShardedRun
{
    /// <summary>Whether <paramref name="settings"/> ask for shards.</summary>
    public static bool Wanted(RunSettings settings) => settings.Shards is not null || settings.Cluster is not null || settings.Membership is not null;

    /// <summary>Whether the objective failed because a shard did (a method of its own: naming Ravine.Orleans' types in a caller would load that assembly, and Orleans', into every local run).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static bool IsShardFailure(ObjectiveException e) => e.InnerException is ShardException;

    /// <summary>Whether the run stopped because the cluster's Redis stopped answering (a method of its own, as <see cref="IsShardFailure"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static bool IsMembershipFailure(ObjectiveException e) => e.InnerException is MembershipUnavailableException;

    /// <summary>Connects to the cluster if one is named, and has every shard load its rows.</summary>
    /// <exception cref="ArgumentException">Not quadratic sensing, or a cluster without a shard count.</exception>
    /// <exception cref="ClusterUnavailableException">No gateway of the cluster answered within <see cref="ClusterConnection.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException">The wait for a gateway was cancelled (Ctrl+C, SIGTERM).</exception>
    /// <exception cref="ShardException">A shard could not load its rows.</exception>
    public static ShardedQuadraticSensing Create(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string problem = ProblemRegistry.Find(settings.Problem).Name;
        if (problem != "quadratic-sensing")
            throw new ArgumentException($"--shards and --cluster apply to quadratic-sensing (a mean over measurements), not {problem}.", "shards");
        string needsShards = settings.Cluster is null && settings.Membership is not null ? "--membership" : "--cluster";
        int shards = settings.Shards ?? throw new ArgumentException($"{needsShards} needs --shards N: the number of shards to cut the measurements into.", "shards");
        if (settings.Cluster is not null && settings.Membership is not null)
            throw new ArgumentException("--cluster and --membership both name the cluster: give one (with --membership the gateways are read from Redis).", "membership");
        var membership = settings.Membership is { } redis ? RedisMembership.Parse(redis) : null;
        var data = settings.Data is not null ? SensingShardData.FromFolder(settings.Data, settings.Seed)
            : settings.Size is { } size ? Sized(settings.Seed, ProblemRegistry.Find(problem).ParseSizes(size))
            : SensingShardData.Seeded(settings.Seed);
        if (shards > data.Measurements)
            throw new ArgumentException($"--shards {shards} exceeds the {data.Measurements} measurements: a shard would be empty.", "shards");
        if (shards < data.FewestShards)
            throw new ArgumentException($"--shards {shards}: each shard holds its rows of A and B in memory, at most {SensingShardData.MaxShardEntries:N0} entries (2 GiB) each, and m·d = {(long)data.Measurements * data.Dimension:N0} needs at least {data.FewestShards} shards.", "shards");
        if (settings.Cluster is null && membership is null) return ShardedQuadraticSensing.InProcess(data, shards);
        var gateways = settings.Cluster is { } cluster ? ShardHosting.ParseEndpoints(cluster) : [];
        var connection = ClusterConnection.Current;
        string waiting = ClusterConnection.Seconds(connection.Timeout);
        try
        {
            // Orleans' Redis client would wait for a Redis that is down; a PING says so at once, before anything else is said.
            membership?.ProbeAsync(cancellationToken: connection.Interruption.Token).GetAwaiter().GetResult();
        }
        catch (MembershipUnavailableException e)
        {
            throw new ClusterUnavailableException($"{e.Message}: start redis-server there and the workers (ravine worker --membership {membership}), or correct --membership.", e);
        }
        connection.Notes.WriteLine($"ravine: connecting to the cluster at {settings.Cluster ?? membership!.ToString()} (waiting up to {waiting} s; --connect-timeout sets it)");
        connection.Notes.Flush();
        ShardClusterClient client;
        string stopping = connection.Interruption.Stopping;
        connection.Interruption.Stopping = "giving up the connection to the cluster";
        try
        {
            try
            {
                client = ShardHosting.ConnectAsync(gateways, cancellationToken: connection.Interruption.Token, connectTimeout: connection.Timeout, membership: membership).GetAwaiter().GetResult();
            }
            catch (Exception e) when (membership is not null && e is TimeoutException or global::Orleans.Runtime.OrleansException or System.Net.Sockets.SocketException)
            {
                throw new ClusterUnavailableException($"no worker listed in {membership} answered within {waiting} s: start the cluster's workers first (ravine worker --membership {membership}), or wait longer with --connect-timeout.", e);
            }
            catch (Exception e) when (e is TimeoutException or global::Orleans.Runtime.OrleansException or System.Net.Sockets.SocketException)
            {
                string what = gateways.Count == 1 ? $"the gateway {gateways[0]}" : $"any of the gateways {string.Join(", ", gateways)}";
                throw new ClusterUnavailableException($"no answer from {what} within {waiting} s: start the cluster's workers first (ravine worker), or wait longer with --connect-timeout.", e);
            }
            try
            {
                var sharded = Load(client.Client, data, shards, connection).Owning(client);
                return membership is null ? sharded : sharded.WatchingMembership(membership);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
        finally
        {
            connection.Interruption.Stopping = stopping;
        }
    }

    /// <summary>
    /// Has every shard of <paramref name="grains"/>' cluster load its rows, retrying a shard whose silo is gone until the
    /// cluster places it anew (as after a worker's death, when a run is resumed), for at most the connection's
    /// <see cref="ClusterConnection.LoadPatience"/>; Ctrl+C or SIGTERM ends the wait.
    /// </summary>
    /// <exception cref="OperationCanceledException">The wait was cancelled.</exception>
    /// <exception cref="ShardException">A shard could not load its rows.</exception>
    internal static ShardedQuadraticSensing Load(global::Orleans.IGrainFactory grains, SensingShardData data, int shards, ClusterConnection connection) =>
        ShardedQuadraticSensing.OnClusterAsync(grains, data, shards, connection.Interruption.Token, connection.LoadPatience).GetAwaiter().GetResult();

    // The block-seeded instance that a local run --size draws (ProblemRegistry), here drawn by each shard for its rows.
    private static SensingShardData Sized(ulong seed, IReadOnlyDictionary<string, int> size) =>
        SensingShardData.SeededAt(seed, ProblemRegistry.LowRankDimension(size), size["r"], size["k"], size["m"]);
}

/// <summary>The cluster of a sharded run could not be reached; the message is the one line to show (without the cause's).</summary>
internal sealed class ClusterUnavailableException(string message, Exception inner) : Exception(message, inner);
