using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Ravine.Orleans;

/// <summary>
/// The Orleans configuration of Ravine's shards: what a silo needs to serve them (<see cref="AddShards"/>), a silo that
/// joins a cluster with development clustering (<see cref="CreateWorker"/>), and a client that connects to one
/// (<see cref="ConnectAsync"/>).
/// </summary>
/// <remarks>
/// Development clustering keeps the membership table in the primary silo's memory: fine for a few machines that
/// start the primary first, but the cluster dies with the primary. A production cluster swaps it for a membership
/// provider backed by storage that outlives any silo (see docs/DISTRIBUTED.md).
/// </remarks>
public static class ShardHosting
{
    /// <summary>The cluster and service id of Ravine's workers and clients (they must agree to connect).</summary>
    public const string DefaultClusterId = "ravine";

    /// <summary>How long a client waits for a shard's answer before the call fails (a silo that hangs rather than dies).</summary>
    public static readonly TimeSpan DefaultResponseTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Lets the silo serve shard grains: their placement and <paramref name="threads"/> threads per shard evaluation.</summary>
    public static ISiloBuilder AddShards(this ISiloBuilder silo, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        silo.Services.Configure<ShardSiloOptions>(o => o.Threads = threads);
        silo.Services.AddPlacementDirector<ShardPlacementStrategy, ShardPlacementDirector>();
        return silo;
    }

    /// <summary>
    /// A silo host (not started) listening on <paramref name="address"/> at <paramref name="siloPort"/>, with its gateway
    /// at <paramref name="gatewayPort"/>, that joins the cluster whose primary silo is <paramref name="primary"/> (null:
    /// this silo is the primary).
    /// </summary>
    public static IHost CreateWorker(IPAddress address, int siloPort, int gatewayPort, IPEndPoint? primary, int threads = 1,
        string clusterId = DefaultClusterId, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId));
            silo.Configure<EndpointOptions>(o => (o.AdvertisedIPAddress, o.SiloPort, o.GatewayPort) = (address, siloPort, gatewayPort));
            silo.UseDevelopmentClustering(primary ?? new IPEndPoint(address, siloPort));
            silo.AddShards(threads);
        });
        return builder.Build();
    }

    /// <summary>A started client of the cluster whose gateways are <paramref name="gateways"/>.</summary>
    /// <exception cref="OrleansException">No gateway answered.</exception>
    public static async Task<IHost> ConnectAsync(IReadOnlyList<IPEndPoint> gateways, string clusterId = DefaultClusterId, TimeSpan? responseTimeout = null,
        Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        if (gateways.Count == 0) throw new ArgumentException("A cluster client needs at least one gateway.", nameof(gateways));
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout ?? DefaultResponseTimeout);
            client.UseStaticClustering([.. gateways]);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }
}
