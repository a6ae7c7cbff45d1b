using Orleans.Hosting;
using Orleans.TestingHost;
using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Orleans;
using Ravine.Problems;
using Xunit.Abstractions;

namespace Ravine.Tests.Orleans;

/// <summary>Kills a silo in the middle of a run: a cluster of its own per test, since the kill leaves it one silo short.</summary>
public class SiloFailureTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<ShardSilos>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private sealed class ShardSilos : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.AddShards().DetectFailuresFast();
    }

    // Three blocks of QuadraticSensing.RowBlock rows: a shard each (the published m = 1,000 is one block, so one shard).
    private static readonly SensingShardData ThreeBlocks = SensingShardData.Seeded(ProblemRegistry.DefaultSeed, dimension: 20, measurements: 3000);

    private static GdPolyak Method() => new(0.05, 300, 2, 0);

    /// <summary>Forwards to the problem, and kills a silo when call <c>at</c> begins (so that call goes to a dead silo).</summary>
    private sealed class KillingObjective(ShardedQuadraticSensing inner, long at, Action kill) : IObjective, IKnowsOptimalValue, IKnowsDistanceToSolutions
    {
        private long _calls;
        public int Dimension => inner.Dimension;
        public double OptimalValue => inner.OptimalValue;
        public double DistanceToSolutions(ReadOnlySpan<double> x) => inner.DistanceToSolutions(x);
        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            if (++_calls == at) kill();
            return inner.Evaluate(x, gradient);
        }
    }

    [Fact]
    public async Task A_silo_killed_mid_run_has_its_shard_moved_and_the_run_goes_on_to_the_undisturbed_trace()
    {
        using var local = ShardedQuadraticSensing.InProcess(ThreeBlocks, 3);
        var reference = Minimizer.Minimize(local, local.Start, Method());

        using var sharded = await ShardedQuadraticSensing.OnClusterAsync(_cluster.Client, ThreeBlocks, 3);
        // A shard on a secondary silo: the primary holds the test cluster's membership.
        int victim = -1;
        SiloHandle? silo = null;
        for (int s = 0; s < 3 && silo is null; s++)
        {
            string address = await ((GrainShard)sharded.Objective.Shards[s]).Grain.SiloAsync();
            silo = _cluster.SecondarySilos.FirstOrDefault(h => h.SiloAddress.ToString() == address);
            victim = s;
        }
        Assert.NotNull(silo);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var killing = new KillingObjective(sharded, 200, () => _cluster.KillSiloAsync(silo!).GetAwaiter().GetResult());
        var result = Minimizer.Minimize(killing, sharded.Start, Method());
        output.WriteLine($"finished in {clock.Elapsed.TotalSeconds:F1} s: {result}");
        var moved = (GrainShard)sharded.Objective.Shards[victim];
        Assert.True(moved.Moves >= 1, "the killed silo's shard was not loaded again");
        Assert.NotEqual(silo!.SiloAddress.ToString(), moved.Silo);
        Assert.True(result.Trace.NumericallyIdentical(reference.Trace));
        Assert.Equal(reference.X, result.X);
    }

    [Fact]
    public async Task A_shard_whose_rows_cannot_be_rebuilt_fails_naming_the_shard_and_the_path_not_with_other_bits()
    {
        // A folder instance whose files vanish after the shards loaded: a shard that moves cannot read its rows again.
        string folder = Path.Combine(Path.GetTempPath(), "ravine-moved-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var instance = QuadraticSensing.Generate(ProblemRegistry.DefaultSeed, 20, 2, 4, 3000);
            Ravine.IO.Npy.Write(Path.Combine(folder, "A.npy"), instance.A, [3000, 20]);
            Ravine.IO.Npy.Write(Path.Combine(folder, "B.npy"), instance.B, [3000, 20]);
            Ravine.IO.Npy.Write(Path.Combine(folder, "y.npy"), instance.Y, [3000]);
            var data = SensingShardData.FromFolder(folder);
            using var sharded = await ShardedQuadraticSensing.OnClusterAsync(_cluster.Client, data, 3);
            var secondary = _cluster.SecondarySilos[0];
            int victim = -1;
            for (int s = 0; s < 3; s++)
                if (await ((GrainShard)sharded.Objective.Shards[s]).Grain.SiloAsync() == secondary.SiloAddress.ToString()) victim = s;
            Assert.True(victim >= 0);
            File.Delete(Path.Combine(folder, "A.npy"));
            await _cluster.KillSiloAsync(secondary);
            var error = Assert.Throws<ShardException>(() => sharded.Evaluate(sharded.Start, new double[sharded.Dimension]));
            output.WriteLine(error.Message);
            Assert.Equal(victim, error.Shard);
            Assert.Contains(Path.Combine(folder, "A.npy"), error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
