using Ravine.Cli.Paper;
using Ravine.Cli.Experiments;
using Spectre.Console;

namespace Ravine.Cli.Output;

/// <summary>The end of a reproduction on the console: where the report is, and one PASS/FAIL line per claim and problem.</summary>
internal static class ClaimLines
{
    public static void Write(IAnsiConsole console, ExperimentSummary summary, string reportPath)
    {
        console.MarkupLine($"Report: [link]{Markup.Escape(reportPath)}[/]");
        if (summary.Cancelled) console.MarkupLine("[yellow]Cancelled: the results written are partial.[/]");
        if (summary.Quick) console.MarkupLine("[yellow]Quick budgets: the claims hold for the published budgets; here they are printed but do not set the exit code.[/]");
        foreach (var claim in summary.Claims)
        {
            string verdict = ResultRows.Verdict(claim.Verdict);
            string color = claim.Verdict switch { ClaimVerdict.Pass => "green", ClaimVerdict.Fail => "red", _ => "yellow" };
            console.MarkupLine($"[{color}]{verdict}[/] {Markup.Escape($"{claim.Problem} claim {claim.Number}: {claim.Statement} — {claim.Evidence}")}");
        }
    }
}
