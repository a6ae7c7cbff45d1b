using Ravine.Training;

namespace Ravine.Tests.Training;

/// <summary>Every stochastic method trains, deterministically, and continues from its saved memory bit for bit.</summary>
public class StochasticMethodTests
{
    /// <summary>The methods under test: every registered one, at settings that suit the small fixture.</summary>
    public static TheoryData<string> Methods => new(StochasticMethodRegistry.All.Select(m => m.Name switch
    {
        "stochastic-gdpolyak" => "stochastic-gdpolyak K=10 judge=300",
        "dog" => "dog reps=1e-3",
        "adam" => "adam lr=0.01",
        var name => name,
    }));

    private static TrainingResult Train(string specification, int epochs = 8, ulong seed = 5)
    {
        var model = new SoftmaxRegression(7);
        var (method, _) = StochasticMethodRegistry.Parse(specification);
        return new Trainer(model, method, new TrainerOptions { Epochs = epochs, BatchSize = 32, Seed = seed }).Train();
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Each_method_learns_the_clusters(string specification)
    {
        var result = Train(specification);
        Assert.Equal(TrainingStopReason.EpochsDone, result.StopReason);
        Assert.True(result.Rows[^1].Validation.Accuracy >= 0.85, $"{specification}: validation accuracy {result.Rows[^1].Validation.Accuracy}");
        Assert.True(result.Rows[^1].Training.Loss < 0.6 * result.Rows[0].Training.Loss, $"{specification}: training loss {result.Rows[0].Training.Loss} → {result.Rows[^1].Training.Loss}");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void The_same_seed_gives_the_same_bits(string specification)
    {
        var a = Train(specification, epochs: 2);
        var b = Train(specification, epochs: 2);
        Assert.Equal(a.X, b.X);
        Assert.NotEqual(a.X, Train(specification, epochs: 2, seed: 6).X);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_run_cancelled_mid_epoch_resumes_to_the_same_trace_and_bits(string specification)
    {
        var whole = Train(specification, epochs: 3);
        var model = new SoftmaxRegression(7);
        var options = new TrainerOptions { Epochs = 3, BatchSize = 32, Seed = 5 };
        using var cancel = new CancellationTokenSource();
        var first = new Trainer(model, StochasticMethodRegistry.Parse(specification).Method, options).Train(new CancelAt(30, cancel), cancellationToken: cancel.Token);
        Assert.Equal(TrainingStopReason.Cancelled, first.StopReason);
        Assert.Equal(2, first.Checkpoint.Epoch);
        using var stream = new MemoryStream();
        TrainingCheckpointJson.Write(first.Checkpoint, stream);
        stream.Position = 0;
        var saved = TrainingCheckpointJson.Read(stream);
        var resumed = new Trainer(model, StochasticMethodRegistry.Parse(specification).Method, options).Train(resume: saved);
        Assert.Equal(whole.X, resumed.X);
        Assert.Equal(whole.Rows.Select(r => r with { Seconds = 0 }), resumed.Rows.Select(r => r with { Seconds = 0 }));
        Assert.Equal(whole.LongSteps, resumed.LongSteps);
    }

    [Fact]
    public void A_step_too_long_diverges_and_returns_the_best_point()
    {
        var result = Train("sgd-momentum lr=1e200 momentum=0", epochs: 3);
        Assert.Equal(TrainingStopReason.Diverged, result.StopReason);
        Assert.Contains("not finite", result.Message, StringComparison.Ordinal);
        Assert.All(result.X, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(result.BestX, result.X);
    }

    [Fact]
    public void A_target_accuracy_stops_the_run_early()
    {
        var model = new SoftmaxRegression(7);
        var result = new Trainer(model, new SgdMomentum(), new TrainerOptions { Epochs = 50, BatchSize = 32, Seed = 5, TargetAccuracy = 0.8 }).Train();
        Assert.Equal(TrainingStopReason.TargetReached, result.StopReason);
        Assert.True(result.Rows.Count < 51);
        Assert.True(result.Rows[^1].Validation.Accuracy >= 0.8);
    }

    [Fact]
    public void A_batch_larger_than_the_training_set_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new SoftmaxRegression(7), new SgdMomentum(), new TrainerOptions { BatchSize = 601 }));
        Assert.Contains("600 training examples", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_methods_and_options_are_refused_with_the_choices()
    {
        Assert.Contains("stochastic-gdpolyak", Assert.Throws<ArgumentException>(() => StochasticMethodRegistry.Parse("sgd")).Message, StringComparison.Ordinal);
        Assert.Contains("lr", Assert.Throws<ArgumentException>(() => StochasticMethodRegistry.Parse("adam eta=1")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => StochasticMethodRegistry.Parse("adam lr=-1"));
        Assert.Throws<ArgumentException>(() => StochasticMethodRegistry.Parse("adam lr"));
    }

    [Fact]
    public void Each_epoch_visits_every_example_once_in_an_order_fixed_by_seed_and_epoch()
    {
        var batches = new ShuffledBatches(100, 30, 9);
        Assert.Equal(4, batches.BatchesPerEpoch);
        batches.Shuffle(3);
        var seen = Enumerable.Range(0, 4).SelectMany(b => batches.Batch(b).ToArray()).ToArray();
        Assert.Equal(Enumerable.Range(0, 100), seen.Order());
        batches.Shuffle(4);
        var other = Enumerable.Range(0, 4).SelectMany(b => batches.Batch(b).ToArray()).ToArray();
        Assert.NotEqual(seen, other);
        batches.Shuffle(3);
        Assert.Equal(seen, Enumerable.Range(0, 4).SelectMany(b => batches.Batch(b).ToArray()));
    }

    [Theory]
    [InlineData("sgd-momentum")]
    [InlineData("adam")]
    [InlineData("spsmax")]
    [InlineData("dog")]
    [InlineData("schedule-free-sgd")]
    public void A_batch_step_allocates_nothing(string specification)
    {
        // Two epochs of 60 batches against two of 600: what an epoch allocates (scores, rows, a checkpoint) is the
        // same, so any difference is allocated per batch.
        long Allocated(int batch) => Optimization.AllocationMeasurement.AllocatedBy(() =>
            new Trainer(new SoftmaxRegression(7), StochasticMethodRegistry.Parse(specification).Method, new TrainerOptions { Epochs = 2, BatchSize = batch, Seed = 5 }).Train());
        long few = Allocated(10), many = Allocated(1);
        Assert.True(many - few < 1080, $"{specification}: {many - few} more bytes for 1,080 more batches");
    }

    private sealed class CancelAt(long steps, CancellationTokenSource source) : ITrainingObserver
    {
        private long _seen;

        public void OnBatch(in BatchProgress progress)
        {
            if (++_seen == steps) source.Cancel();
        }

        public void OnEpoch(TrainingRow row, TrainingCheckpoint checkpoint) { }
    }
}
