using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Hosting;
using Ravine.Orleans;
using Ravine.Problems;

namespace Ravine.Benchmarks;

/// <summary>
/// One oracle call of quadratic sensing (d = 100, k = 4) three ways: the plain instance; the same rows cut into N
/// shards evaluated in this process (<see cref="ShardedQuadraticSensing.InProcess"/>); and the N shards served by
/// two Orleans silos on loopback TCP ports in this process (<see cref="ShardedQuadraticSensing.OnClusterAsync"/>), as
/// <c>ravine worker</c> and <c>ravine run --cluster</c> run them. Cluster − InProcess is the fan-out's overhead per
/// iteration: serialization, two network hops per shard, the silo's scheduling. docs/DISTRIBUTED.md has the numbers.
/// Run with <c>--filter '*ShardedOracle*'</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ShardedOracleBenchmarks
{
    private QuadraticSensing _plain = null!;
    private ShardedQuadraticSensing _local = null!, _cluster = null!;
    private ShardClusterClient _client = null!;
    private IHost[] _silos = [];
    private double[] _point = null!, _gradient = null!;

    /// <summary>The number of shards.</summary>
    [Params(1, 2, 4, 8)]
    public int Shards { get; set; }

    /// <summary>m, the number of measurements.</summary>
    [Params(1_000, 100_000)]
    public int M { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = SensingShardData.Seeded(ProblemRegistry.DefaultSeed, measurements: M);
        _plain = QuadraticSensing.Generate(ProblemRegistry.DefaultSeed, measurements: M);
        _local = ShardedQuadraticSensing.InProcess(data, Shards);
        int[] ports = ShardHosting.FreeLoopbackPorts(4);
        var primary = new IPEndPoint(IPAddress.Loopback, ports[0]);
        _silos =
        [
            ShardHosting.CreateWorker(IPAddress.Loopback, ports[0], ports[1], null),
            ShardHosting.CreateWorker(IPAddress.Loopback, ports[2], ports[3], primary),
        ];
        foreach (var silo in _silos) silo.StartAsync().GetAwaiter().GetResult();
        _client = ShardHosting.ConnectAsync([new IPEndPoint(IPAddress.Loopback, ports[1]), new IPEndPoint(IPAddress.Loopback, ports[3])]).GetAwaiter().GetResult();
        _cluster = ShardedQuadraticSensing.OnClusterAsync(_client.Client, data, Shards).GetAwaiter().GetResult();
        _point = _plain.Start;
        _gradient = new double[_plain.Dimension];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cluster.Dispose();
        _client.Dispose();
        foreach (var silo in _silos.Reverse())
        {
            silo.StopAsync().GetAwaiter().GetResult();
            silo.Dispose();
        }
    }

    [Benchmark(Baseline = true)]
    public double Plain() => _plain.Evaluate(_point, _gradient);

    [Benchmark]
    public double InProcess() => _local.Evaluate(_point, _gradient);

    [Benchmark]
    public double Cluster() => _cluster.Evaluate(_point, _gradient);
}
