using Ravine.Cli.Compare;
using Ravine.Cli.Experiments;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

public class CompareCommandTests
{
    /// <summary>A tiny comparison: 2 methods × 2 problems × 2 seeds, 300 calls per run.</summary>
    internal static (int Code, string Output, string Error) Tiny(string folder, params string[] extra) =>
        CliRunner.Run(["compare", "--methods", "gdpolyak,polyak", "--problems", "quartic-rosenbrock,beale", "--seeds", "2", "--max-calls", "300", "--out", folder, .. extra]);

    [Fact]
    public void A_text_tables_caption_is_a_whole_line_not_wrapped_at_the_width_of_their_table()
    {
        using var scratch = new ScratchFolder();
        var (code, output, error) = Tiny(Path.Combine(scratch.Root, "cmp"));
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        var lines = output.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToArray();
        // The caption is wider than its table and narrower than the console: a script greps it whole.
        Assert.Contains("Share of the 4 instances (problems × seeds) solved within the budget; diverged runs; problems where a required option has no default.", lines);
    }

    [Fact]
    public void Compare_writes_runs_summaries_profiles_and_a_report_and_prints_a_markdown_table()
    {
        using var scratch = new ScratchFolder();
        string folder = Path.Combine(scratch.Root, "cmp");
        var (code, output, error) = Tiny(folder, "--format", "markdown");
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        // stdout is the Markdown to paste; the report's path goes to stderr.
        Assert.Equal($"Report: {Path.Combine(folder, "report.html")}\n", error.ReplaceLineEndings("\n"));

        foreach (string file in new[] { "runs.csv", "summary.csv", "summary.json", "report.html" })
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        foreach (string target in new[] { "1e-6", "1e-10", "1e-15" })
        foreach (string kind in new[] { "performance-profile", "data-profile" })
        foreach (string ext in new[] { "png", "svg" })
            Assert.True(new FileInfo(Path.Combine(folder, $"{kind}-{target}.{ext}")).Length > 1000, $"{kind}-{target}.{ext}");

        var summary = ExperimentJson.Deserialize<CompareSummary>(File.ReadAllText(Path.Combine(folder, "summary.json")));
        Assert.Equal(4, summary.Entries.Count);
        Assert.Contains("ravine compare --methods gdpolyak,polyak", summary.CommandLine);
        var untuned = summary.Entries.Single(e => e.Method == "gdpolyak" && e.Problem == "beale");
        Assert.Equal("needs --eta, -K", untuned.NeedsTuning);
        var polyak = summary.Entries.Single(e => e.Method == "polyak" && e.Problem == "quartic-rosenbrock");
        Assert.Equal(2, polyak.Runs);
        Assert.Equal(3, polyak.Targets.Count);

        // One row per run that ran (gdpolyak on beale did not), plus the header.
        Assert.Equal(1 + 3 * 2, File.ReadAllLines(Path.Combine(folder, "runs.csv")).Length);
        Assert.Equal(1 + 4, File.ReadAllLines(Path.Combine(folder, "summary.csv")).Length);
        Assert.Contains("| method | solved ≤ 1e-6 | solved ≤ 1e-10 | solved ≤ 1e-15 | diverged runs | needs tuning on |", output);
        Assert.Contains("| problem | gdpolyak | polyak |", output);
        Assert.Contains("| beale (control) | tune |", output);
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Equal(6, html.Split("<svg").Length - 1);
        Assert.DoesNotContain("<?xml", html);
    }

    [Fact]
    public void Compare_json_prints_only_the_summary()
    {
        using var scratch = new ScratchFolder();
        var (code, output, _) = Tiny(Path.Combine(scratch.Root, "cmp"), "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal(4, ExperimentJson.Deserialize<CompareSummary>(output).Entries.Count);
    }

    [Theory]
    [InlineData("--seeds", "0")]
    [InlineData("--methods", "nope")]
    [InlineData("--targets", "1e-6,-1")]
    [InlineData("--tune-grid", "0:1:3")]
    public void Compare_with_bad_arguments_exits_2_on_one_line(string option, string value)
    {
        var (code, _, error) = CliRunner.Run("compare", "--tune", option, value);
        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
    }
}
