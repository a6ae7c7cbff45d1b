using Ravine.Cli.Experiments;
using Ravine.IO;
using Ravine.Methods;
using Ravine.Tests.IO;
using Ravine.Tests.Methods;

namespace Ravine.Tests.Cli;

/// <summary>
/// Every registered method (<see cref="MethodsUnderTest"/>) survives an interruption part-way through <c>ravine run</c>
/// and <c>ravine run --resume</c>: the resumed run ends with the trace and the points of the run never interrupted,
/// bit for bit. Its method state, options (a choice such as adgd's variant 2024 among them) and settings all go
/// through checkpoint.json.
/// </summary>
public class ResumeEveryMethodTests
{
    private const int Iterations = 120;

    public static TheoryData<string> Methods => MethodsUnderTest.Names();

    [Fact]
    public void The_list_is_the_registry()
    {
        Assert.Equal(MethodRegistry.Names.Order(), MethodsUnderTest.All.Select(m => m.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Interrupted_and_resumed_through_the_cli_gives_the_uninterrupted_trace(string method)
    {
        using var folder = new ScratchFolder();
        string reference = folder.File("reference"), interrupted = folder.File("interrupted");
        string[] args = ["run", "--problem", "single-neuron", "--seed", "5", "--method", method, "--max-iters", $"{Iterations}", "--checkpoint-every", "25",
            "--gap-tolerance", "0"]; // no stop at a small gap: every method must still be running when it is interrupted

        // Exit 4 is a run that ended in a failure of the method: its resumed run must end the same way, at the same
        // iteration.
        var (referenceCode, output, error) = CliRunner.Run([.. args, "--out", reference]);
        Assert.True(referenceCode is 0 or 4, $"exit {referenceCode}: {error}\n{output}");
        var whole = Summary(reference);
        Assert.True(whole.Runs[0].Iterations > Iterations / 2 + 1, $"{method} stopped at iteration {whole.Runs[0].Iterations} ({whole.Runs[0].StopReason}): too soon to be interrupted part-way");

        var (code, _, stopError) = CliRunner.RunStoppedAt(Iterations / 2, [.. args, "--out", interrupted]);
        Assert.True(code == 130, $"exit {code}: {stopError}");
        Assert.True(File.Exists(Path.Combine(interrupted, RunCheckpointFile.FileName)));
        long stoppedAt = Summary(interrupted).Runs[0].Iterations;
        Assert.InRange(stoppedAt, Iterations / 2, whole.Runs[0].Iterations - 1);

        (code, output, error) = CliRunner.Run("run", "--resume", interrupted);
        Assert.True(code == referenceCode, $"resume: exit {code}: {error}\n{output}");
        Assert.False(File.Exists(Path.Combine(interrupted, RunCheckpointFile.FileName)));
        Assert.True(Trace(reference, method).NumericallyIdentical(Trace(interrupted, method)), "the resumed trace differs from the uninterrupted one");
        foreach (string file in new[] { SolutionFiles.XFile, SolutionFiles.BestXFile })
            Assert.Equal(File.ReadAllBytes(Path.Combine(reference, file)), File.ReadAllBytes(Path.Combine(interrupted, file)));
        Assert.Equal(whole.Runs[0] with { WallSeconds = 0 }, Summary(interrupted).Runs[0] with { WallSeconds = 0 });
    }

    private static ExperimentSummary Summary(string folder) =>
        ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(Path.Combine(folder, "summary.json")));

    private static Ravine.Optimization.Trace Trace(string folder, string method) =>
        TraceCsv.Read(new StringReader(File.ReadAllText(Path.Combine(folder, "single-neuron", $"{method}.csv"))));
}
