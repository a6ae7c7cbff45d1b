using Ravine.Cli.Experiments;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Orleans;
using Ravine.Problems;
using Ravine.Tests.IO;

namespace Ravine.Tests.Experiments;

public class ShardedRunCheckpointTests
{
    private static readonly RunSettings Settings = new() { Problem = "quadratic-sensing", Method = "gdpolyak", MethodOptions = Options.Of("epochs", "2"), Shards = 2 };

    /// <summary>The sharded instance, whose shard 2 fails at one call as a dead silo's would.</summary>
    private sealed class FailingAt(ShardedQuadraticSensing inner, long call) : ITestProblem, IKnowsDistanceToSolutions
    {
        private long _calls;
        public string Name => inner.Name;
        public string Title => inner.Title;
        public double[] Start => inner.Start;
        public int Dimension => inner.Dimension;
        public double OptimalValue => inner.OptimalValue;
        public double DistanceToSolutions(ReadOnlySpan<double> x) => inner.DistanceToSolutions(x);
        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient) =>
            ++_calls == call ? throw new ShardException(1, 2, "rows 500–999", "failed: SiloUnavailableException: its silo left the cluster") : inner.Evaluate(x, gradient);
    }

    [Fact]
    public void A_shard_failure_leaves_the_checkpoint_of_the_last_iteration_and_resuming_it_gives_the_uninterrupted_trace()
    {
        using var folder = new ScratchFolder();
        var reference = Runner.Run(RunPlan.Create(Settings));
        using var sharded = ShardedQuadraticSensing.InProcess(SensingShardData.Seeded(ProblemRegistry.DefaultSeed), 2);
        var plan = RunPlan.Create(Settings, new FailingAt(sharded, 250));
        // Far from any periodic checkpoint: the one left is the failure's.
        var checkpointing = RunCheckpointing.For(plan, folder.Root, interval: 1000);
        Assert.True(checkpointing.CheckpointOnFailure);
        var e = Assert.Throws<ObjectiveException>(() => Runner.Run(plan, null, CancellationToken.None, checkpointing));
        Assert.Contains("shard 2 of 2 (rows 500–999) failed", e.Message);

        var (resumedPlan, resuming) = RunCheckpointing.Resume(folder.Root);
        Assert.Equal(e.Iteration - 1, resuming.ResumeFrom!.Iteration);
        var resumed = Runner.Run(resumedPlan, null, CancellationToken.None, resuming);
        (resumedPlan.Problem as IDisposable)?.Dispose();
        Assert.True(reference.Result.Trace.NumericallyIdentical(resumed.Result.Trace));
    }

    [Fact]
    public void A_run_without_shards_keeps_only_its_periodic_checkpoints()
    {
        var plan = RunPlan.Create(Settings with { Shards = null });
        using var folder = new ScratchFolder();
        Assert.False(RunCheckpointing.For(plan, folder.Root).CheckpointOnFailure);
    }
}
