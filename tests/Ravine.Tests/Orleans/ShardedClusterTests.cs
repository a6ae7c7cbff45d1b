using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Orleans;
using Ravine.Problems;
using Xunit.Abstractions;

namespace Ravine.Tests.Orleans;

[Collection(ShardClusterCollection.Name)]
public class ShardedClusterTests(ShardCluster fixture, ITestOutputHelper output)
{
    private static readonly SensingShardData Published = SensingShardData.Seeded(ProblemRegistry.DefaultSeed);

    // Three blocks of QuadraticSensing.RowBlock rows: a shard each (the published m = 1,000 is one block, so one shard).
    private static readonly SensingShardData ThreeBlocks = SensingShardData.Seeded(ProblemRegistry.DefaultSeed, dimension: 20, measurements: 3000);

    // Five of the published fifty epochs: enough for long steps, short enough for a test on the in-memory cluster.
    private static GdPolyak Method() => new(0.05, 300, 5, 0);

    [Fact]
    public async Task GdPolyak_on_three_shards_of_the_cluster_gives_the_single_process_trace_bit_for_bit()
    {
        using var cluster = await ShardedQuadraticSensing.OnClusterAsync(fixture.Cluster.Client, ThreeBlocks, 3);
        using var local = ShardedQuadraticSensing.InProcess(ThreeBlocks, 3);
        Assert.Equal(3, cluster.ShardCount);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var remote = Minimizer.Minimize(cluster, cluster.Start, Method());
        output.WriteLine($"cluster: {remote.Iterations} iterations in {clock.Elapsed.TotalSeconds:F2} s; {remote}");
        var reference = Minimizer.Minimize(local, local.Start, Method());
        Assert.Equal(StopReason.MethodCompleted, remote.StopReason);
        Assert.True(remote.Trace.NumericallyIdentical(reference.Trace));
        Assert.Equal(reference.X, remote.X);
    }

    [Fact]
    public async Task One_shard_on_the_cluster_gives_the_plain_problems_trace_bit_for_bit()
    {
        using var cluster = await ShardedQuadraticSensing.OnClusterAsync(fixture.Cluster.Client, Published, 1);
        var plain = QuadraticSensing.Generate(ProblemRegistry.DefaultSeed);
        var method = new GdPolyak(0.05, 300, 1, 0);
        Assert.True(Minimizer.Minimize(cluster, cluster.Start, method).Trace.NumericallyIdentical(Minimizer.Minimize(plain, plain.Start, method).Trace));
    }

    [Fact]
    public async Task The_shards_spread_over_the_silos_one_each()
    {
        using var cluster = await ShardedQuadraticSensing.OnClusterAsync(fixture.Cluster.Client, SensingShardData.Seeded(99, dimension: 8, measurements: 3000), 3);
        var silos = await Task.WhenAll(cluster.Objective.Shards.Select(s => ((GrainShard)s).Grain.SiloAsync()));
        Assert.Equal(3, silos.Distinct().Count());
    }

    [Fact]
    public async Task Block_seeded_shards_draw_their_rows_on_the_silos_and_give_the_single_process_trace()
    {
        // run --shards --size: the flag travels with the shard's data, and each silo draws its own rows from the seed.
        var data = SensingShardData.SeededAt(5, dimension: 10, rank: 2, width: 3, measurements: 2100);
        using var cluster = await ShardedQuadraticSensing.OnClusterAsync(fixture.Cluster.Client, data, 3);
        using var local = ShardedQuadraticSensing.InProcess(data, 3);
        var method = new GdPolyak(0.05, 40, 2, 0);
        Assert.True(Minimizer.Minimize(cluster, cluster.Start, method).Trace.NumericallyIdentical(Minimizer.Minimize(local, local.Start, method).Trace));
    }
}
