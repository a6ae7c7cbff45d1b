using Ravine.Cli.Paper;
using Ravine.Cli.Experiments;
using Spectre.Console;

namespace Ravine.Cli.Output;

/// <summary>The end of a reproduction on the console: where the report is, and one PASS/FAIL line per claim and problem.</summary>
internal static class ClaimLines
{
    /// <summary>
    /// As text: the report's path, notes and one line per claim. As Markdown: the claims as a Markdown table on stdout,
    /// and the path and notes on <see cref="StatusOutput.Notes"/>, so that stdout is Markdown and nothing else. As JSON
    /// (the claims are in the summary on stdout): the path and notes on <see cref="StatusOutput.Notes"/>.
    /// </summary>
    public static void Write(IAnsiConsole console, StatusOutput status, ExperimentSummary summary, string reportPath, ConsoleFormat format)
    {
        if (format != ConsoleFormat.Text)
        {
            if (format == ConsoleFormat.Markdown)
                console.Profile.Out.Writer.Write("\n" + MarkdownTable.Render(ResultRows.ClaimHeader, ResultRows.ClaimRows(summary.Claims)));
            status.Notes.WriteLine($"Report: {reportPath}");
            foreach (string note in Notes(summary)) status.Notes.WriteLine(note);
            return;
        }
        console.MarkupLine($"Report: [link]{Markup.Escape(reportPath)}[/]");
        foreach (string note in Notes(summary)) console.MarkupLine($"[yellow]{Markup.Escape(note)}[/]");
        if (summary.Cancelled) return;
        foreach (var claim in summary.Claims)
        {
            string verdict = ResultRows.Verdict(claim.Verdict);
            string color = claim.Verdict switch { ClaimVerdict.Pass => "green", ClaimVerdict.Fail => "red", _ => "yellow" };
            console.MarkupLine($"[{color}]{verdict}[/] {Markup.Escape($"{claim.Problem} claim {claim.Number}: {claim.Statement} — {claim.Evidence}")}");
        }
    }

    private static IEnumerable<string> Notes(ExperimentSummary summary)
    {
        if (summary.Cancelled) yield return "Cancelled: the results written are partial. The paper's claims were not checked: the runs were interrupted.";
        if (summary.Quick) yield return "Quick budgets: the claims hold for the published budgets; here they are printed but do not set the exit code.";
    }
}
