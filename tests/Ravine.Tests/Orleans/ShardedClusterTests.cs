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

    // Five of the published fifty epochs: long steps included, a few seconds on the in-memory cluster.
    private static GdPolyak Method() => new(0.05, 300, 5, 0);

    [Fact]
    public async Task GdPolyak_on_three_shards_of_the_cluster_gives_the_single_process_trace_bit_for_bit()
    {
        using var cluster = await ShardedQuadraticSensing.OnClusterAsync(fixture.Cluster.Client, Published, 3);
        using var local = ShardedQuadraticSensing.InProcess(Published, 3);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var remote = Minimizer.Minimize(cluster, cluster.Start, Method());
        output.WriteLine($"cluster: {remote.Iterations} iterations in {clock.Elapsed.TotalSeconds:F2} s; {remote}");
        var reference = Minimizer.Minimize(local, local.Start, Method());
        Assert.Equal(StopReason.MethodCompleted, remote.StopReason);
        Assert.True(remote.Trace.NumericallyIdentical(reference.Trace));
        Assert.Equal(reference.X, remote.X);
    }
}
