using System.Diagnostics;
using System.Xml.Linq;
using Ravine.Cli.Experiments;
using Ravine.Instances;
using Ravine.IO;
using Ravine.Optimization;
using Ravine.Problems;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary>
/// The built <c>ravine run</c> as a child process, stopped by real signals part-way: exit codes, the files it leaves,
/// and <c>--resume</c>. The instance is a single neuron in R^10000, so that one iteration takes long enough for the
/// signal to land mid-run (the first checkpoint, at iteration 25 of 1010, is the cue to send it).
/// </summary>
[Collection(ChildProcessCollection.Name)]
public class InterruptionProcessTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private void Mark(string what) => log.WriteLine($"{_clock.Elapsed.TotalSeconds:F2} s {what}");
    private const int SigInt = CliChild.SigInt, SigTerm = CliChild.SigTerm;
    private const int InputDimension = 10_000;

    private static string[] RunArgs(string data, string output, int checkpointEvery = 25) =>
        ["run", "--problem", "single-neuron", "--data", data, "--epochs", "10", "--checkpoint-every", $"{checkpointEvery}", "--out", output];

    private static string MakeData(ScratchFolder folder)
    {
        string data = folder.File("data");
        InstanceFormats.Save(SingleNeuron.Generate(5, InputDimension), data);
        return data;
    }

    /// <summary>Starts the run and sends <paramref name="signal"/> as soon as its first checkpoint exists.</summary>
    private static CliChild StartAndInterrupt(string data, string output, int signal)
    {
        var child = new CliChild(RunArgs(data, output));
        child.WaitUntil(() => File.Exists(Path.Combine(output, RunCheckpointFile.FileName)), "the first checkpoint");
        child.Signal(signal);
        return child;
    }

    private static Ravine.Optimization.Trace ReadTrace(string folder) =>
        TraceCsv.Read(new StringReader(File.ReadAllText(Path.Combine(folder, "single-neuron", "gdpolyak.csv"))));

    /// <summary>Every file under <paramref name="folder"/> parses as what its name says; returns the summary.</summary>
    private static ExperimentSummary AssertEveryFileIsWhole(string folder)
    {
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            string name = Path.GetFileName(file);
            if (name.StartsWith('.')) continue; // a temporary file that a quit cut short; never read as output
            switch (Path.GetExtension(file))
            {
                case ".csv": Assert.True(TraceCsv.Read(new StringReader(File.ReadAllText(file))).Count > 0, file); break;
                case ".json" when name == "summary.json": ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(file)); break;
                case ".json" when name == RunCheckpointFile.FileName: RunCheckpointFile.Read(file); break;
                case ".json": ExperimentJson.Deserialize<RunSummary>(File.ReadAllText(file)); break;
                case ".svg": XDocument.Load(file); break;
                case ".npy": Assert.NotEmpty(Npy.Read(file).Data); break;
                case ".png": Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(file)[..4]); break;
                default: Assert.Fail($"unexpected file {file}"); break;
            }
        }
        return ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(Path.Combine(folder, "summary.json")));
    }

    [Fact]
    public void Sigint_mid_run_exits_130_leaves_whole_files_and_resume_gives_the_uninterrupted_trace()
    {
        using var folder = new ScratchFolder();
        string data = MakeData(folder), output = folder.File("interrupted"), reference = folder.File("reference");
        Mark("data");
        int code;
        using (var child = StartAndInterrupt(data, output, SigInt))
        {
            code = child.WaitForExit();
            Assert.True(code == 130, $"exit {code}: {child.Error}\n{child.Output}");
            Assert.Contains("ravine: SIGINT: stopping at the next iteration", child.Error);
            // Piped, the line is whole: no wrapping at 80 columns.
            Assert.Contains($"Continue with: ravine run --resume {output}\n", child.Output.ReplaceLineEndings("\n"));
        }
        var summary = AssertEveryFileIsWhole(output);
        Assert.True(summary.Cancelled);
        Assert.Equal("SIGINT", summary.InterruptedBy);
        var run = Assert.Single(summary.Runs);
        Assert.Equal("Cancelled", run.StopReason);
        Assert.InRange(run.Iterations, 25, 1009);
        var (_, checkpoint) = RunCheckpointFile.Read(Path.Combine(output, RunCheckpointFile.FileName));
        Assert.Equal(run.Iterations, checkpoint.Iteration);
        Assert.Equal(run.Iterations + 1, ReadTrace(output).Count);
        foreach (string figure in new[] { "gap", "distance", "stepsize" })
            Assert.True(File.Exists(Path.Combine(output, "single-neuron", figure + ".png")), figure);

        Mark($"interrupted run checked: stopped at iteration {run.Iterations} of 1010");
        using (var resume = new CliChild("run", "--resume", output))
        {
            code = resume.WaitForExit();
            Assert.True(code == 0, $"exit {code}: {resume.Error}\n{resume.Output}");
        }
        Mark("resumed");
        // The reference writes no checkpoints at all: they must not change the numbers either.
        Assert.Equal(0, CliRunner.Run(RunArgs(data, reference, checkpointEvery: 0)).ExitCode);
        Mark("reference");
        var resumed = ReadTrace(output);
        Assert.Equal(1011, resumed.Count);
        Assert.True(ReadTrace(reference).NumericallyIdentical(resumed), "the resumed trace differs from the uninterrupted one");
        Assert.False(AssertEveryFileIsWhole(output).Cancelled);
        Assert.False(File.Exists(Path.Combine(output, RunCheckpointFile.FileName)));
    }

    [Fact]
    public void Sigterm_mid_run_exits_143_with_a_checkpoint_and_a_summary_saying_so()
    {
        using var folder = new ScratchFolder();
        string data = MakeData(folder), output = folder.File("out");
        using var child = StartAndInterrupt(data, output, SigTerm);
        int code = child.WaitForExit();
        Assert.True(code == 143, $"exit {code}: {child.Error}\n{child.Output}");
        Assert.Contains("ravine: SIGTERM: stopping at the next iteration", child.Error);
        var summary = AssertEveryFileIsWhole(output);
        Assert.Equal("SIGTERM", summary.InterruptedBy);
        Assert.True(File.Exists(Path.Combine(output, RunCheckpointFile.FileName)));
    }

    [Fact]
    public void The_same_signal_delivered_twice_at_once_is_one_request_and_everything_is_written()
    {
        // kill -INT -PGID, timeout and dotnet run deliver one request twice; the echo once quit at once, mid-write.
        using var folder = new ScratchFolder();
        string data = MakeData(folder), output = folder.File("out");
        using var child = StartAndInterrupt(data, output, SigInt);
        child.Signal(SigInt);
        int code = child.WaitForExit();
        Assert.True(code == 130, $"exit {code}: {child.Error}\n{child.Output}");
        Assert.DoesNotContain("again: quitting at once", child.Error);
        var summary = AssertEveryFileIsWhole(output);
        Assert.Equal("SIGINT", summary.InterruptedBy);
        Assert.True(File.Exists(Path.Combine(output, SolutionFiles.BestXFile)));
    }

    [Fact]
    public void A_second_signal_quits_at_once_and_leaves_only_whole_files()
    {
        using var folder = new ScratchFolder();
        string data = MakeData(folder), output = folder.File("out");
        using var child = StartAndInterrupt(data, output, SigInt);
        // The second signal lands while the first one's results are being written (the figures alone take far longer).
        // It is another signal, so it cannot be the first one's echo, however soon it comes (see Interruption.EchoWindow).
        Thread.Sleep(10);
        child.Signal(SigTerm);
        int code = child.WaitForExit();
        Assert.True(code == 130, $"exit {code}: {child.Error}\n{child.Output}");
        Assert.Contains("ravine: SIGTERM again: quitting at once", child.Error);
        foreach (string file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            // Whatever was written before the quit is whole; what was not yet written is absent, never half there.
            if (file.EndsWith(".json", StringComparison.Ordinal) && Path.GetFileName(file) == RunCheckpointFile.FileName) RunCheckpointFile.Read(file);
            else if (file.EndsWith(".csv", StringComparison.Ordinal)) TraceCsv.Read(new StringReader(File.ReadAllText(file)));
            else if (file.EndsWith(".svg", StringComparison.Ordinal)) XDocument.Load(file);
            else if (file.EndsWith(".json", StringComparison.Ordinal)) System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).Dispose();
        }
        // The checkpoint is written first after the stop, so even a quick second Ctrl+C leaves a run to resume.
        Assert.True(File.Exists(Path.Combine(output, RunCheckpointFile.FileName)));
    }
}
