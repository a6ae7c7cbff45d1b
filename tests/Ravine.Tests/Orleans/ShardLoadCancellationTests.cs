using Ravine.Cli;
using Ravine.Cli.Experiments;
using Ravine.Orleans;
using Ravine.Problems;

namespace Ravine.Tests.Orleans;

/// <summary>
/// The shards' loading of a sharded <c>ravine run</c> (fresh or resumed) is part of the wait for the cluster: Ctrl+C or
/// SIGTERM ends it, as it ends the wait for a gateway, instead of the load retrying a gone silo for a minute.
/// </summary>
[Collection(ShardClusterCollection.Name)]
public class ShardLoadCancellationTests(ShardCluster fixture)
{
    // Three blocks of QuadraticSensing.RowBlock rows: a shard each (the published m = 1,000 is one block, so one shard).
    private static readonly SensingShardData ThreeBlocks = SensingShardData.Seeded(ProblemRegistry.DefaultSeed, dimension: 20, measurements: 3000);

    [Fact]
    public void An_interrupted_run_stops_loading_the_shards_with_OperationCanceledException()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var connection = new ClusterConnection(ClusterConnection.DefaultTimeout, TextWriter.Null, Interruption.From(cancel.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ShardedRun.Load(fixture.Cluster.Client, ThreeBlocks, 3, connection).Dispose());
    }

    [Fact]
    public void Without_an_interruption_the_shards_load_their_rows()
    {
        var connection = new ClusterConnection(ClusterConnection.DefaultTimeout, TextWriter.Null, Interruption.From(CancellationToken.None)) { LoadPatience = TimeSpan.FromSeconds(30) };
        using var loaded = ShardedRun.Load(fixture.Cluster.Client, ThreeBlocks, 3, connection);
        Assert.Equal(3, loaded.ShardCount);
    }
}
