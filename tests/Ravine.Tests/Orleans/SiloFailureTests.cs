using Orleans.Hosting;
using Orleans.TestingHost;
using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Orleans;
using Ravine.Problems;
using Xunit.Abstractions;

namespace Ravine.Tests.Orleans;

/// <summary>Kills a silo in the middle of a run: a cluster of its own, since the kill leaves it one silo short.</summary>
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
        public void Configure(ISiloBuilder silo) => silo.AddShards();
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
    public async Task A_silo_killed_mid_run_stops_it_naming_the_shard_and_the_last_checkpoint_resumes_to_the_uninterrupted_trace()
    {
        using var local = ShardedQuadraticSensing.InProcess(ThreeBlocks, 3);
        var reference = Minimizer.Minimize(local, local.Start, Method());

        using var first = await ShardedQuadraticSensing.OnClusterAsync(_cluster.Client, ThreeBlocks, 3);
        // A shard on a secondary silo: the primary holds the test cluster's membership.
        int victim = -1;
        SiloHandle? silo = null;
        for (int s = 0; s < 3 && silo is null; s++)
        {
            string address = await ((GrainShard)first.Objective.Shards[s]).Grain.SiloAsync();
            silo = _cluster.SecondarySilos.FirstOrDefault(h => h.SiloAddress.ToString() == address);
            victim = s;
        }
        Assert.NotNull(silo);
        RunCheckpoint? latest = null;
        var options = new MinimizeOptions { CheckpointInterval = 1, CheckpointSink = c => latest = c };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var killing = new KillingObjective(first, 200, () => _cluster.KillSiloAsync(silo!).GetAwaiter().GetResult());
        var stopped = Assert.Throws<ObjectiveException>(() => Minimizer.Minimize(killing, first.Start, Method(), options));
        output.WriteLine($"stopped after {clock.Elapsed.TotalSeconds:F1} s: {stopped.Message}");
        var shard = Assert.IsType<ShardException>(stopped.InnerException);
        Assert.Equal(victim, shard.Shard);
        Assert.Contains($"shard {victim + 1} of 3", stopped.Message);
        Assert.NotNull(latest);
        Assert.Equal(stopped.Iteration - 1, latest!.Iteration);

        clock.Restart();
        using var again = await ShardedQuadraticSensing.OnClusterAsync(_cluster.Client, ThreeBlocks, 3);
        output.WriteLine($"reloaded after {clock.Elapsed.TotalSeconds:F1} s");
        var resumed = Minimizer.Resume(again, Method(), latest);
        Assert.True(resumed.Trace.NumericallyIdentical(reference.Trace));
    }
}
