using Ravine.Cli.Experiments;
using Spectre.Console;

namespace Ravine.Cli.Output;

/// <summary>The console's results table in the chosen <see cref="ConsoleFormat"/>.</summary>
internal static class ResultsTable
{
    private static readonly string[] ConsoleHeader = ["method", "stop", "iters", "best gap", "at", "best dist", "longest", "to 1e-12", "time"];

    // The columns of ResultRows.Header shown above, by name so a new report column cannot shift them.
    private static readonly int[] ConsoleColumns =
        [.. new[] { "method", "stop reason", "iterations", "best gap", "best gap at", "best distance", "longest step", "iterations to gap ≤ 1e-12", "wall time" }
            .Select(name => Array.IndexOf(ResultRows.Header, name))];

    /// <summary>The table in <paramref name="format"/>; as JSON, the summary, with the path of its <paramref name="report"/> when given.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<ExperimentRun> runs, ExperimentSummary summary, ConsoleFormat format, string? report = null)
    {
        switch (format)
        {
            case ConsoleFormat.Markdown:
                console.Profile.Out.Writer.Write(MarkdownTable.Render(ResultRows.Header, ResultRows.Rows(runs)));
                break;
            case ConsoleFormat.Json:
                console.Profile.Out.Writer.WriteLine(report is null ? ExperimentJson.Serialize(summary) : ExperimentJson.SerializeWithReport(summary, report));
                break;
            default:
                // One narrow table per problem so it fits an 80-column terminal; the reports have every column.
                foreach (var problem in runs.GroupBy(r => r.Key.Problem))
                {
                    var table = new Table().Border(TableBorder.None).Title(Markup.Escape(problem.Key));
                    foreach (string column in ConsoleHeader) table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned().NoWrap().Padding(new Padding(0, 0, 2, 0)));
                    table.Columns[0].LeftAligned();
                    table.Columns[1].LeftAligned();
                    table.Columns[^1].Padding(new Padding(0));
                    foreach (var row in ResultRows.Rows(problem))
                        table.AddRow(ConsoleColumns.Select(i => Markup.Escape(i == ConsoleColumns[^1] ? row[i].Replace(" ", "", StringComparison.Ordinal) : row[i])).ToArray());
                    console.Write(table);
                    console.WriteLine();
                }
                break;
        }
    }
}
