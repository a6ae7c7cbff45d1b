using Ravine.Cli.Paper;
using System.Text.Json;
using Ravine.Cli.Experiments;
using Ravine.IO;
using Ravine.Problems;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

public class ReproduceCommandTests
{
    [Fact]
    public void Reproduce_quick_writes_every_file_and_a_summary_of_every_run()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("reproduce", "--quick", "--out", folder.Root);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.Equal("", error);

        var summary = ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(Path.Combine(folder.Root, "summary.json")));
        Assert.True(summary.Quick);
        Assert.Equal(PublishedExperiments.Problems.Count * 3, summary.Runs.Count);
        Assert.Equal(PublishedExperiments.Problems.Count * 3, summary.Claims.Count);
        foreach (string problem in PublishedExperiments.Problems)
        {
            foreach (string method in new[] { "gdpolyak", "gd", "polyak" })
            {
                var run = summary.Runs.Single(r => r.Problem == problem && r.Method == method);
                var trace = TraceCsv.Read(new StringReader(File.ReadAllText(Path.Combine(folder.Root, problem, method + ".csv"))));
                Assert.Equal(run.Iterations + 1, trace.Count);
                Assert.Equal(run.FinalGap, trace.Gap[^1]);
                Assert.Equal(run, ExperimentJson.Deserialize<RunSummary>(File.ReadAllText(Path.Combine(folder.Root, problem, method + ".json"))));
            }
            foreach (string figure in new[] { "gap", "distance", "stepsize", "growth-order", "contraction" })
            {
                var png = File.ReadAllBytes(Path.Combine(folder.Root, problem, figure + ".png"));
                Assert.True(png.Length > 10_000 && png.AsSpan(1, 3).SequenceEqual("PNG"u8), $"{problem}/{figure}.png");
                string svg = File.ReadAllText(Path.Combine(folder.Root, problem, figure + ".svg"));
                Assert.Contains("<svg viewBox=\"0 0 ", svg); // without it a browser crops the figure to its box instead of scaling it
            }
        }
        string html = File.ReadAllText(Path.Combine(folder.Root, "report.html"));
        // The paper's three figures and the two of the ravine diagnostics per problem (no problem of the paper knows accuracy).
        Assert.Equal(PublishedExperiments.Problems.Count * 5, CountOf(html, "<svg"));
        Assert.Contains("<h2>Ravine diagnostics</h2>", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("ravine reproduce --quick --out", html);
        string markdown = File.ReadAllText(Path.Combine(folder.Root, "report.md"));
        Assert.Contains("| problem | method |", markdown);
        Assert.Empty(Directory.GetFiles(folder.Root, "*.tmp", SearchOption.AllDirectories));
        Assert.Contains("Report: ", output);
        Assert.Equal(PublishedExperiments.Problems.Count * 3, output.Split('\n').Count(l => l.StartsWith("PASS ", StringComparison.Ordinal) || l.StartsWith("FAIL ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Reproduce_on_the_published_rosenbrock_prints_three_passes_and_exits_zero()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("reproduce", "--problems", "quartic-rosenbrock", "--out", folder.Root, "--format", "markdown");
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.Equal(3, output.Split('\n').Count(l => l.StartsWith("| quartic-rosenbrock | ", StringComparison.Ordinal) && l.Contains("| PASS |", StringComparison.Ordinal)));
        Assert.Contains("| quartic-rosenbrock | GDPolyak |", output);
    }

    [Fact]
    public void Format_json_prints_only_the_summary_json()
    {
        using var folder = new ScratchFolder();
        var (code, output, _) = CliRunner.Run("reproduce", "--problems", "quartic-rosenbrock", "--methods", "gdpolyak,gd", "--quick", "--out", folder.Root, "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void A_cancelled_reproduction_exits_130_and_still_writes_a_summary_saying_so()
    {
        using var folder = new ScratchFolder();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var (code, output, _) = CliRunner.Run(cancellation.Token, "reproduce", "--quick", "--out", folder.Root);
        Assert.Equal(130, code);
        var summary = ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(Path.Combine(folder.Root, "summary.json")));
        Assert.True(summary.Cancelled);
        Assert.Empty(summary.Runs);
        Assert.True(File.Exists(Path.Combine(folder.Root, "report.html")));
        Assert.Contains("Cancelled", output);
    }

    [Fact]
    public async Task An_interrupted_reproduction_prints_no_verdicts_and_says_the_claims_were_not_checked()
    {
        using var folder = new ScratchFolder();
        // Cancelled when the first run's trace is written, so the others are under way whatever the machine's speed
        // (a cancellation after a fixed time finds none started on a loaded machine, or all done on a fast one).
        using var cancellation = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            while (!cancellation.IsCancellationRequested)
            {
                try
                {
                    if (Directory.EnumerateFiles(folder.Root, "*.csv", SearchOption.AllDirectories).Any()) cancellation.Cancel();
                }
                catch (IOException)
                {
                    // A folder renamed or replaced while it was listed: look again.
                }
                await Task.Delay(2);
            }
        });
        var (code, output, _) = CliRunner.Run(cancellation.Token, "reproduce", "--problems", "quadratic-sensing", "--out", folder.Root);
        cancellation.Cancel();
        await watch;
        Assert.Equal(130, code);
        var summary = ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(Path.Combine(folder.Root, "summary.json")));
        Assert.NotEmpty(summary.Runs);
        Assert.All(summary.Claims, c => Assert.Equal(ClaimVerdict.NotChecked, c.Verdict));
        var lines = output.Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("PASS ", StringComparison.Ordinal) || l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.Contains("The paper's claims were not checked: the runs were interrupted.", output);
        Assert.Contains("not checked: the runs were interrupted", File.ReadAllText(Path.Combine(folder.Root, "report.md")));
    }

    [Theory]
    [InlineData("reproduce", "--problems", "no-such-problem")]
    [InlineData("reproduce", "--methods", "gd,newton")]
    [InlineData("reproduce", "--seed", "minus-one")]
    [InlineData("reproduce", "--format", "yaml")]
    [InlineData("reproduce", "--no-such-option")]
    public void Bad_arguments_exit_2_with_one_line_on_stderr(params string[] args)
    {
        var (code, _, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("ravine: ", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Help_explains_every_option()
    {
        var (code, output, _) = CliRunner.Run("reproduce", "--help");
        Assert.Equal(0, code);
        foreach (string option in new[] { "--problems", "--methods", "--seed", "--out", "--quick", "--format" })
            Assert.Contains(option, output);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
