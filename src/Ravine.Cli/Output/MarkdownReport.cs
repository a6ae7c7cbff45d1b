using System.Text;
using Ravine.Cli.Experiments;
using Ravine.Cli.Paper;

namespace Ravine.Cli.Output;

/// <summary><c>report.md</c>: the settings, results and claims as Markdown tables, with the figures linked as PNGs.</summary>
internal static class MarkdownReport
{
    public static string Render(ExperimentSummary summary, IReadOnlyList<RunRecord> runs)
    {
        var text = new StringBuilder();
        text.Append("# Ravine: reproduction of the GDPolyak experiments\n\n");
        text.Append($"Made by `{summary.CommandLine}` with Ravine {summary.Version} on {summary.Machine.OperatingSystem}, " +
                    $"{summary.Machine.ProcessorCount} processors, {summary.Machine.Runtime}; started {summary.StartedUtc:u}")
            .Append(summary.WallSeconds is { } seconds ? $", {Numbers.Seconds(seconds)} in total" : "").Append(".\n\n");
        if (summary.Quick) text.Append("**Quick budgets (a fifth of the published epochs): a smoke test, not a reproduction.**\n\n");
        if (summary.Cancelled) text.Append("**Cancelled: some runs are partial or missing.**\n\n");
        text.Append("## Settings\n\n").Append(MarkdownTable.Render(ResultRows.SettingsHeader, ResultRows.SettingsRows(runs))).Append('\n');
        text.Append("## Results\n\n").Append(MarkdownTable.Render(ResultRows.Header, ResultRows.Rows(runs))).Append('\n');
        if (runs.Any(r => !double.IsNaN(r.PaperDistanceSurrogate)))
            text.Append("## Where these numbers differ from the paper's\n\n").Append(SingleNeuronSurrogate.Explanation).Append("\n\n");
        text.Append("## The paper's claims\n\n").Append(MarkdownTable.Render(ResultRows.ClaimHeader, ResultRows.ClaimRows(summary.Claims))).Append('\n');
        if (DiagnosticRows.Rows(runs).Any())
            text.Append("## Ravine diagnostics\n\n").Append(DiagnosticRows.Explanation).Append("\n\n")
                .Append(MarkdownTable.Render(DiagnosticRows.Header, DiagnosticRows.Rows(runs))).Append('\n');
        text.Append("## Figures\n\n");
        foreach (var group in runs.GroupBy(r => r.Key.Problem))
        {
            string problem = group.Key;
            text.Append($"### {problem}\n\n");
            foreach (var kind in Figures.For(group.ToArray()))
                text.Append($"![{problem}: {kind.Title}]({problem}/{kind.Name}.png)\n");
            text.Append('\n');
        }
        return text.ToString();
    }
}
