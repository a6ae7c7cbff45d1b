using Orleans.Hosting;
using Orleans.TestingHost;
using Ravine.Orleans;

namespace Ravine.Tests.Orleans;

/// <summary>
/// Three silos in this process (Orleans' TestingHost, in-memory transport: no socket is opened), serving shard grains.
/// Starting one is slow next to a test, so the tests of a collection share one.
/// </summary>
public sealed class ShardCluster : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<ShardSilos>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class ShardSilos : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.AddShards();
    }
}

[CollectionDefinition(Name)]
public sealed class ShardClusterCollection : ICollectionFixture<ShardCluster>
{
    public const string Name = "Orleans shard cluster";
}
