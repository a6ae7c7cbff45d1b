using Ravine.Cli.Experiments;
using Ravine.IO;
using Ravine.Optimization;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary><c>ravine run</c>'s checkpoint.json and <c>--resume</c>, in-process (the signal itself: <see cref="InterruptionProcessTests"/>).</summary>
public class RunResumeTests
{
    private static readonly string[] Options = ["run", "--problem", "single-neuron", "--seed", "5", "--epochs", "6", "--checkpoint-every", "100"];

    private static Trace ReadTrace(string folder) =>
        TraceCsv.Read(new StringReader(File.ReadAllText(Path.Combine(folder, "single-neuron", "gdpolyak.csv"))));

    [Fact]
    public void An_interrupted_run_exits_130_with_a_checkpoint_and_resume_finishes_with_the_uninterrupted_trace()
    {
        using var folder = new ScratchFolder();
        string interrupted = folder.File("interrupted"), reference = folder.File("reference");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var (code, output, error) = CliRunner.Run(cancellation.Token, [.. Options, "--out", interrupted]);
        Assert.True(code == 130, $"exit {code}: {error}\n{output}");
        Assert.True(File.Exists(Path.Combine(interrupted, RunCheckpointFile.FileName)));
        var summary = ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(Path.Combine(interrupted, "summary.json")));
        Assert.True(summary.Cancelled);
        Assert.Equal("cancellation", summary.InterruptedBy);
        Assert.Equal("Cancelled", Assert.Single(summary.Runs).StopReason);
        Assert.Contains($"ravine run --resume {interrupted}", output);

        (code, output, error) = CliRunner.Run("run", "--resume", interrupted);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.Equal(0, CliRunner.Run([.. Options, "--out", reference]).ExitCode);
        var resumed = ReadTrace(interrupted);
        Assert.Equal(607, resumed.Count);
        Assert.True(ReadTrace(reference).NumericallyIdentical(resumed));
        Assert.False(File.Exists(Path.Combine(interrupted, RunCheckpointFile.FileName)));
        summary = ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(Path.Combine(interrupted, "summary.json")));
        Assert.False(summary.Cancelled);
        Assert.Null(summary.InterruptedBy);
        Assert.Equal(606, Assert.Single(summary.Runs).Iterations);
    }

    [Fact]
    public void Resume_refuses_a_data_folder_changed_since_the_run_began()
    {
        using var folder = new ScratchFolder();
        string data = folder.File("data"), output = folder.File("out");
        Assert.Equal(0, CliRunner.Run("generate", "single-neuron", "--seed", "5", "--out", data).ExitCode);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.Equal(130, CliRunner.Run(cancellation.Token, "run", "--problem", "single-neuron", "--data", data, "--out", output).ExitCode);
        // Same shape, one number nudged: the instance would still load, and the resumed run would solve another problem.
        string w1 = Path.Combine(data, "w1.npy");
        byte[] bytes = File.ReadAllBytes(w1);
        bytes[^1] ^= 1;
        File.WriteAllBytes(w1, bytes);
        var (code, _, error) = CliRunner.Run("run", "--resume", output);
        Assert.Equal(2, code);
        Assert.Equal($"ravine: {w1}: changed (its hash differs) since the run began; a resumed run must see the same instance, so restore the file or start a new run\n", error);
        bytes[^1] ^= 1;
        File.WriteAllBytes(w1, bytes);
        Assert.Equal(0, CliRunner.Run("run", "--resume", output).ExitCode);
    }

    [Fact]
    public void A_finished_run_leaves_no_checkpoint()
    {
        using var folder = new ScratchFolder();
        Assert.Equal(0, CliRunner.Run([.. Options, "--out", folder.Root]).ExitCode);
        Assert.False(File.Exists(Path.Combine(folder.Root, RunCheckpointFile.FileName)));
    }

    [Fact]
    public void Resume_with_other_run_settings_exits_2_naming_them()
    {
        var (code, _, error) = CliRunner.Run("run", "--resume", "somewhere", "--eta", "0.1", "--seed", "3");
        Assert.Equal(2, code);
        Assert.Equal("ravine: --resume continues the run exactly as its checkpoint.json stores it; drop --eta, --seed.\n", error);
    }

    [Fact]
    public void Resume_of_a_folder_without_a_checkpoint_exits_2_with_one_line()
    {
        using var folder = new ScratchFolder();
        var (code, _, error) = CliRunner.Run("run", "--resume", folder.Root);
        Assert.Equal(2, code);
        Assert.Equal($"ravine: {Path.Combine(folder.Root, "checkpoint.json")} does not exist: the run in that folder finished (or was never interrupted), so there is nothing to resume\n", error);
    }

    [Fact]
    public void A_damaged_checkpoint_exits_2_with_one_line_naming_the_file()
    {
        using var folder = new ScratchFolder();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.Equal(130, CliRunner.Run(cancellation.Token, [.. Options, "--out", folder.Root]).ExitCode);
        string path = Path.Combine(folder.Root, RunCheckpointFile.FileName);
        File.WriteAllText(path, File.ReadAllText(path)[..200]);
        var (code, output, error) = CliRunner.Run("run", "--resume", folder.Root);
        Assert.Equal(2, code);
        Assert.StartsWith($"ravine: {path}: not valid JSON", error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain(" at ", output + error);
    }

    [Fact]
    public void A_checkpoint_that_cannot_be_resumed_says_how_to_start_over_and_that_works()
    {
        using var folder = new ScratchFolder();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.Equal(130, CliRunner.Run(cancellation.Token, [.. Options, "--out", folder.Root]).ExitCode);
        string path = Path.Combine(folder.Root, RunCheckpointFile.FileName);
        // Settings this Ravine cannot read, as a checkpoint of another version might hold.
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"seed\":5", "\"seed\":-5", StringComparison.Ordinal));
        var (code, _, error) = CliRunner.Run("run", "--resume", folder.Root);
        Assert.Equal(2, code);
        Assert.Equal($"ravine: {path}: 'seed' must be a whole number in [0, 2^64), found -5; to start the run over in that folder, delete {path} (the other files stay until the new run replaces them), or give another --out\n", error);
        File.Delete(path);
        Assert.Equal(0, CliRunner.Run([.. Options, "--out", folder.Root]).ExitCode);
    }

    [Fact]
    public void A_negative_checkpoint_interval_exits_2_with_one_line()
    {
        var (code, _, error) = CliRunner.Run("run", "--problem", "single-neuron", "--checkpoint-every", "-5");
        Assert.Equal(2, code);
        Assert.Equal("ravine: --checkpoint-every takes a whole number in [0, 2^31), not '-5'.\n", error);
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_to_the_one_line_error()
    {
        var (code, _, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--eta", "-1", "--verbose");
        Assert.Equal(2, code);
        var lines = error.Split('\n');
        Assert.Equal("ravine: --eta takes a number > 0, not '-1'.", lines[0]);
        Assert.Contains(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
