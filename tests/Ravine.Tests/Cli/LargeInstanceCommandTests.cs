using Ravine.Cli.Experiments;
using Ravine.IO;
using Ravine.Optimization;
using Ravine.Problems;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary><c>ravine generate</c> with size options (the block-seeded family) and <c>ravine run --threads</c>.</summary>
public class LargeInstanceCommandTests
{
    /// <summary>An output folder the refused commands must not create (relative: the test's working folder).</summary>
    private const string NeverWritten = "ravine-never-written";

    private static void Succeeds((int ExitCode, string Output, string Error) result) =>
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}\n{result.Output}");

    private static Trace ReadTrace(string folder) =>
        TraceCsv.Read(new StringReader(File.ReadAllText(Path.Combine(folder, "quadratic-sensing", "gdpolyak.csv"))));

    [Fact]
    public void Generate_with_sizes_writes_the_block_seeded_instance_and_run_gives_the_same_trace_on_one_and_two_threads()
    {
        using var folder = new ScratchFolder();
        string data = folder.File("data"), one = folder.File("one"), two = folder.File("two");
        var (code, output, error) = CliRunner.Run("generate", "quadratic-sensing", "--seed", "5", "--dimension", "12", "--width", "8", "--rank", "2",
            "--measurements", "2100", "--out", data);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.Contains("(2100, 12)", output);
        Assert.Contains("block-seeded", output);
        var expected = new BlockSeededSensing(5, 12, 2, 8).Instance(2100);
        Assert.Equal(expected.A, Npy.Read(Path.Combine(data, "A.npy")).Data);
        Assert.Equal(expected.Y, Npy.Read(Path.Combine(data, "y.npy")).Data);
        Assert.Equal(expected.Start, Npy.Read(Path.Combine(data, "x0.npy")).Data);
        Succeeds(CliRunner.Run("run", "--problem", "quadratic-sensing", "--data", data, "-K", "20", "--epochs", "3", "--out", one));
        Succeeds(CliRunner.Run("run", "--problem", "quadratic-sensing", "--data", data, "-K", "20", "--epochs", "3", "--threads", "2", "--out", two));
        var a = ReadTrace(one);
        Assert.Equal(64, a.Count);
        Assert.True(a.NumericallyIdentical(ReadTrace(two)));
        var summary = ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(Path.Combine(two, "summary.json")));
        Assert.Equal(2, summary.Settings!.Threads);
    }

    [Theory]
    [InlineData("--threads applies to quadratic-sensing only", "run", "--problem", "quartic-rosenbrock", "--threads", "2")]
    [InlineData("threads must be ≥ 1", "run", "--problem", "quadratic-sensing", "--threads", "0")]
    [InlineData("--rank 5 exceeds --width 4", "generate", "quadratic-sensing", "--rank", "5", "--out", NeverWritten)]
    [InlineData("apply to quadratic-sensing only", "generate", "single-neuron", "--measurements", "5", "--out", NeverWritten)]
    [InlineData("take counts ≥ 1", "generate", "quadratic-sensing", "--measurements", "0", "--out", NeverWritten)]
    public void Bad_sizes_and_thread_counts_exit_2_with_one_line(string expected, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 2, $"exit {code}: {error}\n{output}");
        Assert.Contains(expected, Assert.Single(error.TrimEnd('\n').Split('\n')));
        Assert.False(Directory.Exists(NeverWritten));
    }
}
