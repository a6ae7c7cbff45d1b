using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary><c>ravine … | cat</c>: the built CLI with stdout piped, as a script reads it.</summary>
[Collection(ChildProcessCollection.Name)]
public class PipedOutputProcessTests
{
    private static (int ExitCode, string Output, string Error) Piped(params string[] args)
    {
        using var child = new CliChild(args);
        int code = child.WaitForExit();
        return (code, child.Output.ReplaceLineEndings("\n"), child.Error);
    }

    [Fact]
    public void Piped_run_output_keeps_every_table_row_and_the_results_path_on_one_line()
    {
        using var folder = new ScratchFolder();
        // Longer than 80 columns, the width Spectre assumes for a pipe.
        string output = Path.Combine(folder.Root, "a-results-folder-with-a-name-long-enough-to-pass-the-eighty-column-mark");
        var (code, text, error) = Piped("run", "--problem", "quartic-rosenbrock", "--method", "gd", "--max-iters", "30", "--out", output);
        Assert.True(code == 0, $"exit {code}: {error}\n{text}");
        var lines = text.Split('\n');
        Assert.Contains($"Results: {output}", lines);
        var row = Assert.Single(lines, l => l.StartsWith("GD ", StringComparison.Ordinal));
        Assert.Matches(@"^GD\s+MaxIterations\s+30\s+\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+\d+\.\d\ds$", row);
    }

    [Fact]
    public void Piped_reproduce_in_markdown_prints_only_markdown_tables_on_stdout()
    {
        using var folder = new ScratchFolder();
        var (code, text, error) = Piped("reproduce", "--problems", "quartic-rosenbrock", "--quick", "--format", "markdown", "--out", folder.Root);
        Assert.True(code == 0, $"exit {code}: {error}\n{text}");
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("|", line));
        Assert.Contains("| quartic-rosenbrock | GDPolyak |", text);
        Assert.Contains(lines, l => l.StartsWith("| quartic-rosenbrock | 1. ", StringComparison.Ordinal) && (l.Contains("| PASS |", StringComparison.Ordinal) || l.Contains("| FAIL |", StringComparison.Ordinal)));
        Assert.Contains("report.html", error);
    }
}
