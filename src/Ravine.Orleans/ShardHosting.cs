using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Ravine.Orleans;

/// <summary>
/// The Orleans configuration of Ravine's shards: what a silo needs to serve them (<see cref="AddShards"/>), a silo that
/// joins a cluster (<see cref="CreateWorker"/>, started with <see cref="StartWithinAsync"/>), and a client that connects
/// to one (<see cref="ConnectAsync"/>), each within a bounded wait.
/// </summary>
/// <remarks>
/// Two memberships: development clustering keeps the membership table in the primary silo's memory (zero setup, but
/// the cluster dies with the primary); <see cref="RedisMembership"/> keeps it in Redis, and the cluster outlives any
/// silo. Either way a dead silo is noticed within seconds (<see cref="DetectFailuresFast"/>), and its shards move to
/// the silos left (see docs/DISTRIBUTED.md).
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
    /// How fast the silos declare a dead one dead, so that its shards move while a run waits: each silo probes a few
    /// others every second and votes a silo dead after three missed probes (Orleans' defaults: every 5 s, so a dead
    /// silo stalls a run for half a minute or more). Probes are tiny messages; on a loaded machine a silo that
    /// misses three in a row is declared dead and must restart (its shards move, and the run goes on).
    /// </summary>
    public static ISiloBuilder DetectFailuresFast(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 3;
            // Gossip spreads a death at once; the table is read again this often in case a message was lost.
            o.TableRefreshTimeout = TimeSpan.FromSeconds(10);
            // Dead silos' rows are kept an hour for diagnosis (the default is a week), then removed from Redis.
            o.DefunctSiloExpiration = TimeSpan.FromHours(1);
        });
        return silo;
    }

    /// <summary>How often a client reads the live gateways again (Orleans' default is a minute): a dead gateway is dropped quickly.</summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A silo host (not started) listening on <paramref name="address"/> at <paramref name="siloPort"/>, with its gateway
    /// at <paramref name="gatewayPort"/>, that joins the cluster whose membership is kept in Redis at
    /// <paramref name="membership"/>, or, when that is null, by development clustering on the primary silo
    /// <paramref name="primary"/> (null: this silo is the primary).
    /// </summary>
    public static IHost CreateWorker(IPAddress address, int siloPort, int gatewayPort, IPEndPoint? primary, int threads = 1,
        string clusterId = DefaultClusterId, Action<ILoggingBuilder>? logging = null, RedisMembership? membership = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton<IHostLifetime, SignalsLeftToTheApplication>();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId));
            silo.Configure<EndpointOptions>(o => (o.AdvertisedIPAddress, o.SiloPort, o.GatewayPort) = (address, siloPort, gatewayPort));
            if (membership is not null) silo.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(membership));
            else silo.UseDevelopmentClustering(primary ?? new IPEndPoint(address, siloPort));
            silo.DetectFailuresFast();
            silo.AddShards(threads);
        });
        return builder.Build();
    }

    /// <summary>
    /// How long <see cref="ConnectAsync"/> waits for a gateway to answer before giving up; <c>ravine worker</c> gives a
    /// joining silo as long to reach its primary (<see cref="StartWithinAsync"/>).
    /// </summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    // Orleans' Redis client keeps reconnecting when Redis goes away, rather than failing the silo.
    private static StackExchange.Redis.ConfigurationOptions RedisOptions(RedisMembership membership)
    {
        var options = StackExchange.Redis.ConfigurationOptions.Parse(membership.Endpoint);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = (int)RedisMembership.DefaultProbeTimeout.TotalMilliseconds;
        return options;
    }

    /// <summary>
    /// A started client of the cluster whose gateways are <paramref name="gateways"/> (or, with
    /// <paramref name="membership"/>, whatever gateways Redis lists, read again every <see cref="GatewayListRefreshPeriod"/>;
    /// <paramref name="gateways"/> may then be empty), connected within <paramref name="connectTimeout"/> (default
    /// <see cref="DefaultConnectTimeout"/>).
    /// </summary>
    /// <exception cref="TimeoutException">No gateway answered within <paramref name="connectTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before a gateway answered.</exception>
    public static async Task<ShardClusterClient> ConnectAsync(IReadOnlyList<IPEndPoint> gateways, string clusterId = DefaultClusterId, TimeSpan? responseTimeout = null,
        Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default, TimeSpan? connectTimeout = null, RedisMembership? membership = null)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        if (gateways.Count == 0 && membership is null) throw new ArgumentException("A cluster client needs at least one gateway.", nameof(gateways));
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton<IHostLifetime, SignalsLeftToTheApplication>();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout ?? DefaultResponseTimeout);
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = GatewayListRefreshPeriod);
            if (membership is not null) client.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(membership));
            else client.UseStaticClustering([.. gateways]);
        });
        var host = builder.Build();
        try
        {
            await StartWithinAsync(host, connectTimeout ?? DefaultConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            string which = membership is not null ? $"the cluster listed in {membership}" : string.Join(", ", gateways);
            throw new TimeoutException($"No gateway of {which} answered within {Seconds(connectTimeout ?? DefaultConnectTimeout)}.", e);
        }
        return new ShardClusterClient(host);
    }

    /// <summary>
    /// Starts <paramref name="host"/> (a client, or a worker from <see cref="CreateWorker"/>), giving up after
    /// <paramref name="timeout"/> (<see cref="Timeout.InfiniteTimeSpan"/>: never) or when <paramref name="cancellationToken"/> is cancelled; a host that gave up is
    /// disposed. Orleans' own start waits as long as it takes: a client retries its gateways until one answers, a
    /// joining silo its primary, so an address where nothing listens would otherwise hang the caller for minutes.
    /// </summary>
    /// <exception cref="TimeoutException">The host did not start within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static async Task StartWithinAsync(IHost host, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The time to wait must be > 0, or Timeout.InfiniteTimeSpan.");
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = host.StartAsync(abandon.Token);
        try
        {
            await start.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException || !start.IsCompletedSuccessfully)
        {
            await abandon.CancelAsync().ConfigureAwait(false);
            // Disposing the services stops what the start is still waiting for (the start then fails unobserved).
            _ = start.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            try
            {
                await ((IAsyncDisposable)host).DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception disposal) when (disposal is TimeoutException or ObjectDisposedException or InvalidOperationException or OperationCanceledException or OrleansException)
            {
                // What is left of a host that never started is not worth waiting for.
            }
            throw;
        }
    }

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s";

    /// <summary>Parses gateways given as <c>HOST:PORT</c>, several separated by commas (a host name resolves to its first IPv4 address).</summary>
    /// <exception cref="FormatException">An entry is not HOST:PORT, or its host does not resolve.</exception>
    public static IReadOnlyList<IPEndPoint> ParseEndpoints(string text, string option = "--cluster")
    {
        ArgumentNullException.ThrowIfNull(text);
        var endpoints = new List<IPEndPoint>();
        foreach (string entry in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            endpoints.Add(ParseEndpoint(entry, option));
        return endpoints.Count > 0 ? endpoints : throw new FormatException($"{option} takes HOST:PORT (several separated by commas), not '{text}'.");
    }

    /// <summary>
    /// <paramref name="count"/> loopback ports free at the moment of the call (each bound once to port 0, then released),
    /// for a cluster of workers on one machine: tests and benchmarks. Another process may take one before it is used.
    /// </summary>
    public static int[] FreeLoopbackPorts(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var listeners = Enumerable.Range(0, count).Select(_ => new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners) listener.Start();
        int[] ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners) listener.Stop();
        return ports;
    }

    /// <summary>Parses one <c>HOST:PORT</c>.</summary>
    /// <exception cref="FormatException">Not HOST:PORT, or the host does not resolve.</exception>
    public static IPEndPoint ParseEndpoint(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port > 0 && text.Contains(':', StringComparison.Ordinal))
            return endpoint;
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port)
            || port is < 1 or > 65535)
            throw new FormatException($"{option} takes HOST:PORT with a port in 1–65535, not '{text}'.");
        string host = text[..colon];
        IPAddress[] addresses;
        try
        {
            addresses = Dns.GetHostAddresses(host);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new FormatException($"{option}: the host '{host}' does not resolve ({e.Message}).", e);
        }
        var address = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new FormatException($"{option}: the host '{host}' has no address.");
        return new IPEndPoint(address, port);
    }
}

/// <summary>A started Orleans client (<see cref="ShardHosting.ConnectAsync"/>); disposing it closes the connection.</summary>
public sealed class ShardClusterClient : IDisposable
{
    private readonly IHost _host;

    internal ShardClusterClient(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The client: its grain factory reaches the shard grains.</summary>
    public IClusterClient Client { get; }

    /// <summary>Closes the connection (waiting a few seconds at most for a clean close) and releases the client.</summary>
    public void Dispose()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _host.StopAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OperationCanceledException or OrleansException or ObjectDisposedException)
        {
            // A cluster that is gone cannot be told goodbye.
        }
        _host.Dispose();
    }
}

/// <summary>
/// The lifetime of Ravine's hosts: the default one (ConsoleLifetime) takes Ctrl+C and SIGTERM for itself and stops
/// the host, so the application's own handling of them (finish the iteration, write what ran, say so) never sees them.
/// </summary>
internal sealed class SignalsLeftToTheApplication : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
