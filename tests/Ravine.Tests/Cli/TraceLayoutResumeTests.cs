using Ravine.IO;
using Ravine.Optimization;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary>
/// A run interrupted under an earlier Ravine, whose trace CSV had the note and f* estimate columns for every method,
/// resumes: the rows appended keep the file's layout, and the trace is that of the run never interrupted.
/// </summary>
public class TraceLayoutResumeTests
{
    private const int Iterations = 120;

    [Fact]
    public void A_gradient_descent_trace_in_the_earlier_layout_resumes_in_that_layout()
    {
        using var folder = new ScratchFolder();
        string reference = folder.File("reference"), interrupted = folder.File("interrupted");
        string[] args = ["run", "--problem", "single-neuron", "--seed", "5", "--method", "gd", "--max-iters", $"{Iterations}",
            "--checkpoint-every", "25", "--gap-tolerance", "0"];
        Assert.Equal(0, CliRunner.Run([.. args, "--out", reference]).ExitCode);
        var (code, _, error) = CliRunner.RunStoppedAt(Iterations / 2, [.. args, "--out", interrupted]);
        Assert.True(code == 130, $"exit {code}: {error}");

        string csv = Path.Combine(interrupted, "single-neuron", "gd.csv");
        File.WriteAllLines(csv, File.ReadAllLines(csv).Select(ToEarlierLayout));
        Assert.StartsWith("iteration,oracle_calls,f,gap,gradient_norm,stepsize,kind,distance,seconds,note,fstar_estimate,growth_order,", File.ReadAllText(csv));

        (code, var output, error) = CliRunner.Run("run", "--resume", interrupted);
        Assert.True(code == 0, $"resume: exit {code}: {error}\n{output}");
        string[] lines = File.ReadAllLines(csv);
        Assert.All(lines, line => Assert.Equal(16, line.Split(',').Length));
        var resumed = TraceCsv.Read(new StringReader(File.ReadAllText(csv)));
        Assert.Equal(TraceColumns.Note | TraceColumns.OptimalValueEstimate, resumed.Columns);
        Assert.All(resumed.OptimalValueEstimate.ToArray(), estimate => Assert.True(double.IsNaN(estimate)));
        var whole = TraceCsv.Read(new StringReader(File.ReadAllText(Path.Combine(reference, "single-neuron", "gd.csv"))));
        Assert.Equal(TraceColumns.None, whole.Columns);
        Assert.True(whole.NumericallyIdentical(resumed.Copy(0, TraceColumns.None)), "the resumed trace differs from the uninterrupted one");
    }

    // What an earlier Ravine wrote for a method without notes or estimates: an empty note and NaN after the seconds.
    private static string ToEarlierLayout(string line)
    {
        string[] cells = line.Split(',');
        string[] inserted = cells[0] == "iteration" ? ["note", "fstar_estimate"] : ["", "NaN"];
        return string.Join(',', [.. cells[..9], .. inserted, .. cells[9..]]);
    }
}
