using Ravine.Cli.Experiments;
using Ravine.IO;
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
        public void RunFinished(RunRecord run) { }
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
        public void RunFinished(RunRecord run) { }
    }

    [Fact]
    public void A_run_cancelled_mid_way_and_resumed_from_its_checkpoint_file_gives_the_uninterrupted_trace()
    {
        using var folder = new ScratchFolder();
        var plan = RunPlan.Create(Settings);
        var reference = Runner.Run(RunPlan.Create(Settings));

        using var cancellation = new CancellationTokenSource();
        var interrupted = Runner.Run(plan, new CancelAt(300, cancellation), cancellation.Token, RunCheckpointing.For(plan, folder.Root, interval: 100));
        Assert.Equal(StopReason.Cancelled, interrupted.Result.StopReason);
        Assert.InRange(interrupted.Result.Iterations, 300, 400);

        var (resumedPlan, checkpointing) = RunCheckpointing.Resume(folder.Root);
        Assert.Equal(interrupted.Result.Iterations, checkpointing.ResumeFrom!.Iteration);
        var resumed = Runner.Run(resumedPlan, null, CancellationToken.None, checkpointing);
        Assert.Equal(reference.Result.StopReason, resumed.Result.StopReason);
        Assert.Equal(reference.Result.Trace.Count, resumed.Result.Trace.Count);
        Assert.True(reference.Result.Trace.NumericallyIdentical(resumed.Result.Trace));
        Assert.Equal(reference.Result.X, resumed.Result.X);
        Assert.False(File.Exists(checkpointing.Path), "a finished run leaves no checkpoint to resume");
    }

    [Fact]
    public void A_run_resumed_just_before_a_long_step_writes_the_diagnostics_of_the_uninterrupted_run()
    {
        // Epochs of 101 steps: row 504 is the last short step before the long step of row 505, whose gradient share needs
        // the gradient of row 504, which the resumed run has only from the checkpoint. Progress is reported every 8 rows.
        using var reference = new ScratchFolder();
        using var folder = new ScratchFolder();
        var plan = RunPlan.Create(Settings);
        var uninterrupted = Runner.Run(plan, null, CancellationToken.None, RunCheckpointing.For(plan, reference.Root, interval: 100));
        using var cancellation = new CancellationTokenSource();
        var interrupted = Runner.Run(plan, new CancelAt(504, cancellation), cancellation.Token, RunCheckpointing.For(plan, folder.Root, interval: 100));
        Assert.Equal(504, interrupted.Result.Iterations);
        var (resumedPlan, checkpointing) = RunCheckpointing.Resume(folder.Root);
        var resumed = Runner.Run(resumedPlan, null, CancellationToken.None, checkpointing);

        string[] expected = WithoutSeconds(TracePath(reference.Root)), actual = WithoutSeconds(TracePath(folder.Root));
        Assert.Equal(expected, actual);
        Assert.Equal(uninterrupted.Epochs, resumed.Epochs);
        var longStep = Assert.Single(resumed.Epochs, e => e.Row == 505);
        Assert.InRange(longStep.GradientShare, 0, 1);
        Assert.Equal(8, resumed.Epochs.Count(e => !double.IsNaN(e.GradientShare)));
    }

    // The seconds column is the only one two runs do not share.
    private static string[] WithoutSeconds(string csv) =>
        File.ReadAllLines(csv).Select(line => string.Join(',', line.Split(',').Where((_, i) => i != 8))).ToArray();

    [Fact]
    public void Checkpoints_are_written_every_interval_while_the_run_goes_and_deleted_when_it_ends()
    {
        using var folder = new ScratchFolder();
        var plan = RunPlan.Create(Settings);
        var checkpointing = RunCheckpointing.For(plan, folder.Root, interval: 150);
        var watch = new Watch(checkpointing.Path);
        var run = Runner.Run(plan, watch, CancellationToken.None, checkpointing);
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
        var run = Runner.Run(plan, new CancelAt(50, cancellation), cancellation.Token, RunCheckpointing.For(plan, folder.Root, interval: 0));
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
        Assert.Equal([0.0], MethodMemoryCodec.Encode(checkpoint.MethodState)["epoch"]);
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
        Runner.Run(plan, null, cancellation.Token, RunCheckpointing.For(plan, folder.Root));
        string path = Path.Combine(folder.Root, RunCheckpointFile.FileName);
        string text = File.ReadAllText(path);
        File.WriteAllText(path, damage switch
        {
            "truncated" => text[..(text.Length / 2)],
            "not-a-checkpoint" => """{ "problem": "single-neuron" }""",
            _ => text.Replace("{\"formatVersion\":2,", "{\"formatVersion\":99,", StringComparison.Ordinal),
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

    /// <summary>A run of <see cref="Settings"/> checkpointing into <paramref name="folder"/> every 100 iterations, cancelled after about <paramref name="iterations"/>.</summary>
    private static RunRecord Interrupt(string folder, int iterations)
    {
        var plan = RunPlan.Create(Settings);
        using var cancellation = new CancellationTokenSource();
        return Runner.Run(plan, new CancelAt(iterations, cancellation), cancellation.Token, RunCheckpointing.For(plan, folder, interval: 100));
    }

    private static string TracePath(string folder) => Path.Combine(folder, "single-neuron", "gdpolyak.csv");

    [Fact]
    public void A_checkpoint_file_stays_the_same_size_as_the_run_goes_its_trace_rows_are_in_the_csv()
    {
        using var folder = new ScratchFolder();
        var plan = RunPlan.Create(Settings);
        var checkpointing = RunCheckpointing.For(plan, folder.Root, interval: 100);
        var sizes = new List<long>();
        var rows = new List<int>();
        Runner.Run(plan, new Sizes(checkpointing.Path, sizes, rows), CancellationToken.None, checkpointing);
        Assert.True(sizes.Count >= 5, $"{sizes.Count} checkpoints seen");
        // The state has a fixed size; only the digits of the counters and values vary.
        Assert.InRange(sizes.Max() - sizes.Min(), 0, 200);
        Assert.Equal(rows.Order(), rows);
        Assert.True(rows[^1] - rows[0] >= 400, "the trace grew meanwhile");
    }

    /// <summary>Records the size of checkpoint.json and the trace rows it counts whenever the progress display is called.</summary>
    private sealed class Sizes(string path, List<long> sizes, List<int> rows) : IExperimentObserver
    {
        public void RunStarted(ExperimentKey key, long iterationBudget) { }
        public void Progress(ExperimentKey key, long iteration, double gap)
        {
            if (!File.Exists(path)) return;
            sizes.Add(new FileInfo(path).Length);
            rows.Add(RunCheckpointFile.Read(path).Checkpoint.Trace.Count);
        }
        public void RunFinished(RunRecord run) { }
    }

    [Fact]
    public void A_checkpoint_file_names_its_trace_csv_and_counts_its_rows_instead_of_holding_them()
    {
        using var folder = new ScratchFolder();
        var run = Interrupt(folder.Root, 250);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder.Root, RunCheckpointFile.FileName)));
        var root = document.RootElement;
        Assert.Equal(2, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal("single-neuron/gdpolyak.csv", root.GetProperty("trace").GetProperty("file").GetString());
        Assert.Equal(run.Result.Trace.Count, root.GetProperty("trace").GetProperty("rows").GetInt32());
        Assert.False(root.GetProperty("checkpoint").TryGetProperty("trace", out _));
    }

    [Fact]
    public void Resume_cuts_off_rows_written_after_the_checkpoint_and_a_half_written_last_line()
    {
        using var folder = new ScratchFolder();
        var reference = Runner.Run(RunPlan.Create(Settings));
        Interrupt(folder.Root, 250);
        // A kill after more rows were appended but before the next checkpoint: whole rows, then a cut one.
        string[] lines = File.ReadAllLines(TracePath(folder.Root));
        File.AppendAllText(TracePath(folder.Root), lines[^1] + "\n" + lines[^1][..7]);

        var (plan, checkpointing) = RunCheckpointing.Resume(folder.Root);
        var resumed = Runner.Run(plan, null, CancellationToken.None, checkpointing);
        Assert.True(reference.Result.Trace.NumericallyIdentical(resumed.Result.Trace));
        var onDisk = TraceCsv.Read(new StringReader(File.ReadAllText(TracePath(folder.Root))));
        Assert.True(reference.Result.Trace.NumericallyIdentical(onDisk), "the CSV on disk is the uninterrupted trace");
    }

    [Theory]
    [InlineData("cut short", "holds 0 whole rows")]
    [InlineData("missing", "missing;")]
    [InlineData("other run", "is not the state")]
    [InlineData("damaged row", "Line 3")]
    public void A_missing_damaged_or_foreign_trace_csv_fails_naming_the_csv(string damage, string expected)
    {
        using var folder = new ScratchFolder();
        Interrupt(folder.Root, 250);
        string csv = TracePath(folder.Root);
        string[] lines = File.ReadAllLines(csv);
        switch (damage)
        {
            case "cut short": File.WriteAllText(csv, lines[0] + "\n" + lines[1]); break;
            case "missing": File.Delete(csv); break;
            case "other run":
                string[] cells = lines[^1].Split(',');
                cells[2] = "0.5";
                lines[^1] = string.Join(',', cells);
                File.WriteAllLines(csv, lines);
                break;
            default: lines[2] = "1,2,x,1,1,0,short,NaN,0"; File.WriteAllLines(csv, lines); break;
        }
        var e = Assert.Throws<FormatException>(() => RunCheckpointing.Resume(folder.Root));
        Assert.StartsWith(csv + ":", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_checkpoint_file_of_format_version_1_is_refused_saying_it_is_from_an_earlier_ravine()
    {
        using var folder = new ScratchFolder();
        Interrupt(folder.Root, 250);
        string path = Path.Combine(folder.Root, RunCheckpointFile.FileName);
        File.WriteAllText(path, File.ReadAllText(path).Replace("{\"formatVersion\":2,", "{\"formatVersion\":1,", StringComparison.Ordinal));
        var e = Assert.Throws<FormatException>(() => RunCheckpointing.Resume(folder.Root));
        Assert.Equal($"{path}: checkpoint format version 1, written by an earlier Ravine that kept the trace inside the checkpoint; this Ravine reads version 2 only, so finish the run with the Ravine that started it; to start the run over in that folder, delete {path} (the other files stay until the new run replaces them), or give another --out", e.Message);
    }
}
