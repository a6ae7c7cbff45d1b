using System.Text.Json;
using System.Text.RegularExpressions;
using Ravine.Cli;
using Ravine.Cli.Output;
using Ravine.Tests.IO;
using Spectre.Console;

namespace Ravine.Tests.Cli;

/// <summary>
/// Where each command writes: its result on stdout, the progress display where <see cref="StatusOutput.Progress"/>
/// says (stderr when only stdout is piped, nowhere when both are), the report's path on stderr when stdout holds only
/// Markdown or JSON.
/// </summary>
public partial class StatusOutputTests
{
    private sealed record Written(int Code, string Output, string Progress, string Notes);

    /// <summary>Runs a command with stdout, the progress display and stderr on three separate writers.</summary>
    private static Written Run(params string[] args)
    {
        var output = new StringWriter();
        var progress = new StringWriter();
        var notes = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        // A terminal's progress display, which draws as soon as it starts and once more when it ends.
        var progressConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(progress), Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.Yes,
        });
        int code = RavineApp.Run(console, new StatusOutput(progressConsole, notes), notes, args, Interruption.From(CancellationToken.None));
        return new Written(code, output.ToString().ReplaceLineEndings("\n"), progress.ToString(), notes.ToString().ReplaceLineEndings("\n"));
    }

    [GeneratedRegex(@"\d+ runs")]
    private static partial Regex RunsTask();

    private static string[] Compare(string folder, string format) =>
        ["compare", "--methods", "gdpolyak,polyak", "--problems", "quartic-rosenbrock", "--seeds", "2", "--max-calls", "200", "--out", folder, "--format", format];

    private static string[] Sweep(string folder, string format) =>
        ["sweep", "--problem", "quartic-rosenbrock", "--method", "gdpolyak", "--grid", "eta=0.0125,0.05", "--grid", "K=10,100", "--max-calls", "100", "--out", folder, "--format", format];

    [Fact]
    public void Compare_shows_its_progress_on_the_progress_console_not_on_stdout()
    {
        using var scratch = new ScratchFolder();
        var written = Run(Compare(scratch.Root, "text"));
        Assert.True(written.Code == 0, $"exit {written.Code}: {written.Notes}\n{written.Output}");
        Assert.Matches(RunsTask(), written.Progress);
        Assert.DoesNotMatch(RunsTask(), written.Output);
        Assert.Contains($"Report: {Path.Combine(scratch.Root, "report.html")}", written.Output);
    }

    [Fact]
    public void Sweep_shows_its_progress_on_the_progress_console_not_on_stdout()
    {
        using var scratch = new ScratchFolder();
        var written = Run(Sweep(scratch.Root, "text"));
        Assert.True(written.Code == 0, $"exit {written.Code}: {written.Notes}\n{written.Output}");
        Assert.Matches(RunsTask(), written.Progress);
        Assert.DoesNotMatch(RunsTask(), written.Output);
        Assert.Contains($"Heatmaps and CSV: {scratch.Root}", written.Output);
    }

    [Fact]
    public void Compare_in_markdown_prints_only_markdown_and_names_the_report_on_stderr_beside_the_progress()
    {
        using var scratch = new ScratchFolder();
        var written = Run(Compare(scratch.Root, "markdown"));
        Assert.True(written.Code == 0, $"exit {written.Code}: {written.Notes}\n{written.Output}");
        Assert.Contains("| method | solved ≤ 1e-6 |", written.Output);
        Assert.DoesNotContain(scratch.Root, written.Output);
        Assert.Matches(RunsTask(), written.Progress);
        Assert.Equal($"Report: {Path.Combine(scratch.Root, "report.html")}\n", written.Notes);
    }

    [Fact]
    public void Compare_in_json_names_the_report_in_the_json_and_on_stderr()
    {
        using var scratch = new ScratchFolder();
        var written = Run(Compare(scratch.Root, "json"));
        Assert.True(written.Code == 0, $"exit {written.Code}: {written.Notes}\n{written.Output}");
        using var json = JsonDocument.Parse(written.Output);
        string report = Path.Combine(scratch.Root, "report.html");
        Assert.Equal(report, json.RootElement.GetProperty("report").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("entries").GetArrayLength());
        Assert.Equal("", written.Progress);
        Assert.Equal($"Report: {report}\n", written.Notes);
    }

    [Theory]
    [InlineData("markdown")]
    [InlineData("json")]
    public void Sweep_in_markdown_or_json_names_its_folder_on_stderr_only(string format)
    {
        using var scratch = new ScratchFolder();
        var written = Run(Sweep(scratch.Root, format));
        Assert.True(written.Code == 0, $"exit {written.Code}: {written.Notes}\n{written.Output}");
        if (format == "json") JsonDocument.Parse(written.Output).Dispose();
        else Assert.Contains("| K \\ eta | 0.0125 | 0.05 |", written.Output);
        Assert.DoesNotContain(scratch.Root, written.Output);
        // A script reads the JSON; a user reads the Markdown and waits for it.
        if (format == "json") Assert.Equal("", written.Progress);
        else Assert.Matches(RunsTask(), written.Progress);
        Assert.Equal($"Heatmaps and CSV: {scratch.Root}\n", written.Notes);
    }

    [Fact]
    public void Reproduce_in_json_names_the_report_in_the_json_and_on_stderr()
    {
        using var scratch = new ScratchFolder();
        var written = Run("reproduce", "--problems", "quartic-rosenbrock", "--methods", "gdpolyak,gd", "--quick", "--out", scratch.Root, "--format", "json");
        Assert.True(written.Code == 0, $"exit {written.Code}: {written.Notes}\n{written.Output}");
        using var json = JsonDocument.Parse(written.Output);
        string report = Path.Combine(scratch.Root, "report.html");
        Assert.Equal(report, json.RootElement.GetProperty("report").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("runs").GetArrayLength());
        Assert.Equal("", written.Progress);
        Assert.StartsWith($"Report: {report}\n", written.Notes);
        // The summary in the folder is the run's record, the same wherever the folder is moved: no path in it.
        using var saved = JsonDocument.Parse(File.ReadAllText(Path.Combine(scratch.Root, "summary.json")));
        Assert.False(saved.RootElement.TryGetProperty("report", out _));
    }

    [Fact]
    public void Versus_in_markdown_sets_its_closing_line_apart_from_the_table()
    {
        var written = Run("versus", "--problems", "quartic-rosenbrock", "--seeds", "3407", "--reference", "gdpolyak eta=0.0125 K=100 epochs=10",
            "--challenger", "polyak", "--format", "markdown");
        Assert.True(written.Code == 0, $"exit {written.Code}: {written.Notes}\n{written.Output}");
        // Right below a table, Markdown reads the line as one more row.
        var lines = written.Output.Split('\n');
        int closing = Array.FindIndex(lines, l => l.StartsWith("Worst ratio ", StringComparison.Ordinal));
        Assert.True(closing >= 2, written.Output);
        Assert.Equal("", lines[closing - 1]);
        Assert.StartsWith("|", lines[closing - 2]);
        Assert.Equal("", written.Progress);
    }
}
