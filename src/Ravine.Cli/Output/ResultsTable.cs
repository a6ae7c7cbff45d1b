using Ravine.Experiments;
using Spectre.Console;

namespace Ravine.Cli.Output;

/// <summary>The console's results table in the chosen <see cref="ConsoleFormat"/>.</summary>
internal static class ResultsTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ExperimentRun> runs, ExperimentSummary summary, ConsoleFormat format)
    {
        switch (format)
        {
            case ConsoleFormat.Markdown:
                console.Profile.Out.Writer.Write(MarkdownTable.Render(ResultRows.Header, ResultRows.Rows(runs)));
                break;
            case ConsoleFormat.Json:
                console.Profile.Out.Writer.WriteLine(ExperimentJson.Serialize(summary));
                break;
            default:
                var table = new Table().Border(TableBorder.Rounded);
                foreach (string column in ResultRows.Header) table.AddColumn(new TableColumn(Markup.Escape(column)));
                foreach (var row in ResultRows.Rows(runs)) table.AddRow(row.Select(Markup.Escape).ToArray());
                console.Write(table);
                break;
        }
    }
}
