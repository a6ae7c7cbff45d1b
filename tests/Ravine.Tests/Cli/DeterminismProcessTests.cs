using Ravine.IO;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary>Same inputs give bit-identical traces whatever the number of threads the runtime is given.</summary>
[Collection(ChildProcessCollection.Name)]
public class DeterminismProcessTests
{
    private static int Reproduce(string output, int processors)
    {
        // reproduce runs as many problems × methods at once as there are processors, so this changes the threading.
        using var child = new CliChild(new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = $"{processors}" },
            "reproduce", "--problems", "quartic-rosenbrock", "--quick", "--format", "json", "--out", output);
        int code = child.WaitForExit();
        Assert.True(code == 0, $"exit {code}: {child.Error}");
        return code;
    }

    [Fact]
    public void Reproduce_on_one_and_on_four_processors_writes_bit_identical_traces()
    {
        using var folder = new ScratchFolder();
        string one = folder.File("one"), four = folder.File("four");
        Reproduce(one, 1);
        Reproduce(four, 4);
        var traces = Directory.GetFiles(one, "*.csv", SearchOption.AllDirectories);
        Assert.Equal(3, traces.Length);
        foreach (string trace in traces)
        {
            var a = TraceCsv.Read(new StringReader(File.ReadAllText(trace)));
            var b = TraceCsv.Read(new StringReader(File.ReadAllText(Path.Combine(four, Path.GetRelativePath(one, trace)))));
            Assert.True(a.Count > 100, trace);
            Assert.True(a.NumericallyIdentical(b), $"{Path.GetRelativePath(one, trace)} differs between 1 and 4 processors");
        }
    }

    private static void Run(string output, int processors)
    {
        using var child = new CliChild(new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = $"{processors}" },
            "run", "--problem", "quartic-rosenbrock", "--method", "gdpolyak", "--out", output);
        int code = child.WaitForExit();
        Assert.True(code == 0, $"exit {code}: {child.Error}");
    }

    [Fact]
    public void Run_on_one_and_on_four_processors_draws_byte_identical_figures()
    {
        // run draws its PNGs side by side while a warm-up draws too; the files must not depend on who came first.
        using var folder = new ScratchFolder();
        string one = folder.File("one"), four = folder.File("four");
        Run(one, 1);
        Run(four, 4);
        string[] figures = [.. Directory.GetFiles(one, "*.png", SearchOption.AllDirectories), .. Directory.GetFiles(one, "*.svg", SearchOption.AllDirectories)];
        // gap, distance, stepsize, growth order and contraction, each as PNG and SVG.
        Assert.Equal(10, figures.Length);
        foreach (string figure in figures)
            Assert.True(File.ReadAllBytes(figure).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(four, Path.GetRelativePath(one, figure)))),
                $"{Path.GetRelativePath(one, figure)} differs between 1 and 4 processors");
    }
}
