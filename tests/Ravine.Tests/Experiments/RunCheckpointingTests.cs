using Ravine.Cli.Experiments;
using Ravine.Optimization;
using Ravine.Tests.IO;

namespace Ravine.Tests.Experiments;

public class RunCheckpointingTests
{
    private static readonly RunSettings Settings = new() { Problem = "single-neuron", Method = "gdpolyak", MethodOptions = Options.Of("epochs", "8"), Seed = 11 };

    /// <summary>Cancels the run once the progress display is told it reached <paramref name="iteration"/>.</summary>
    private sealed class CancelAt(int iteration, CancellationTokenSource source) : IExperimentObserver
    {
        public void RunStarted(ExperimentKey key, long iterationBudget) { }
        public void Progress(ExperimentKey key, long at, double gap) { if (at >= iteration) source.Cancel(); }
        public void RunFinished(ExperimentRun run) { }
    }

    /// <summary>Reads checkpoint.json whenever the progress display is called, recording the iteration it holds.</summary>
    private sealed class Watch(string path) : IExperimentObserver
    {
        public List<long> Seen { get; } = [];
        public void RunStarted(ExperimentKey key, long iterationBudget) { }
        public void Progress(ExperimentKey key, long iteration, double gap)
        {
            if (File.Exists(path)) Seen.Add(RunCheckpointFile.Read(path).Checkpoint.Iteration);
        }
        public void RunFinished(ExperimentRun run) { }
    }

    [Fact]
    public void A_run_cancelled_mid_way_and_resumed_from_its_checkpoint_file_gives_the_uninterrupted_trace()
    {
        using var folder = new ScratchFolder();
        var plan = RunPlan.Create(Settings);
        var reference = ExperimentRunner.Run(RunPlan.Create(Settings));

        using var cancellation = new CancellationTokenSource();
        var interrupted = ExperimentRunner.Run(plan, new CancelAt(300, cancellation), cancellation.Token, RunCheckpointing.For(plan, folder.Root, interval: 100));
        Assert.Equal(StopReason.Cancelled, interrupted.Result.StopReason);
        Assert.InRange(interrupted.Result.Iterations, 300, 400);

        var (resumedPlan, checkpointing) = RunCheckpointing.Resume(folder.Root);
        Assert.Equal(interrupted.Result.Iterations, checkpointing.ResumeFrom!.Iteration);
        var resumed = ExperimentRunner.Run(resumedPlan, null, CancellationToken.None, checkpointing);
        Assert.Equal(reference.Result.StopReason, resumed.Result.StopReason);
        Assert.Equal(reference.Result.Trace.Count, resumed.Result.Trace.Count);
        Assert.True(reference.Result.Trace.NumericallyIdentical(resumed.Result.Trace));
        Assert.Equal(reference.Result.X, resumed.Result.X);
        Assert.False(File.Exists(checkpointing.Path), "a finished run leaves no checkpoint to resume");
    }

    [Fact]
    public void Checkpoints_are_written_every_interval_while_the_run_goes_and_deleted_when_it_ends()
    {
        using var folder = new ScratchFolder();
        var plan = RunPlan.Create(Settings);
        var checkpointing = RunCheckpointing.For(plan, folder.Root, interval: 150);
        var watch = new Watch(checkpointing.Path);
        var run = ExperimentRunner.Run(plan, watch, CancellationToken.None, checkpointing);
        Assert.Equal(808, run.Result.Iterations);
        Assert.NotEmpty(watch.Seen);
        Assert.All(watch.Seen, iteration => Assert.Equal(0, iteration % 150));
        Assert.Equal(750, watch.Seen.Max());
        Assert.False(File.Exists(checkpointing.Path));
    }

    [Fact]
    public void The_checkpoint_file_stores_every_setting_explicitly_and_round_trips_the_state_bit_for_bit()
    {
        using var folder = new ScratchFolder();
        var plan = RunPlan.Create(Settings);
        using var cancellation = new CancellationTokenSource();
        var run = ExperimentRunner.Run(plan, new CancelAt(50, cancellation), cancellation.Token, RunCheckpointing.For(plan, folder.Root, interval: 0));
        var (settings, checkpoint) = RunCheckpointFile.Read(Path.Combine(folder.Root, RunCheckpointFile.FileName));
        Assert.Equal(new RunSettings
        {
            Problem = "single-neuron", Method = "gdpolyak", MethodOptions = Options.Of("eta", "1.5", "K", "100", "epochs", "8", "fstar-rule", "ratio", "restart-epochs", "10", "safeguard", "auto"),
            MaxIterations = 808,
            OptimalValue = 0, Seed = 11, Output = Path.GetFullPath(folder.Root),
        }, settings);
        Assert.Equal(run.Result.Iterations, checkpoint.Iteration);
        Assert.Equal(run.Result.X, checkpoint.X);
        Assert.Equal(run.Result.Gradient, checkpoint.Gradient);
        Assert.Equal(run.Result.BestValue, checkpoint.BestValue);
        Assert.True(run.Result.Trace.NumericallyIdentical(checkpoint.Trace));
        Assert.Equal([0.0], checkpoint.MethodState["epoch"]);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not-a-checkpoint")]
    [InlineData("wrong-version")]
    public void A_damaged_checkpoint_file_fails_with_a_format_exception_naming_the_file(string damage)
    {
        using var folder = new ScratchFolder();
        var plan = RunPlan.Create(Settings);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        ExperimentRunner.Run(plan, null, cancellation.Token, RunCheckpointing.For(plan, folder.Root));
        string path = Path.Combine(folder.Root, RunCheckpointFile.FileName);
        string text = File.ReadAllText(path);
        File.WriteAllText(path, damage switch
        {
            "truncated" => text[..(text.Length / 2)],
            "not-a-checkpoint" => """{ "problem": "single-neuron" }""",
            _ => text.Replace("\"formatVersion\":1", "\"formatVersion\":99", StringComparison.Ordinal),
        });
        var e = Assert.Throws<FormatException>(() => RunCheckpointing.Resume(folder.Root));
        Assert.StartsWith(path + ":", e.Message);
    }

    [Fact]
    public void Resuming_a_folder_without_a_checkpoint_says_there_is_nothing_to_resume()
    {
        using var folder = new ScratchFolder();
        var e = Assert.Throws<FileNotFoundException>(() => RunCheckpointing.Resume(folder.Root));
        Assert.Contains("nothing to resume", e.Message);
    }
}
