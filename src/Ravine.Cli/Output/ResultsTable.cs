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

    /// <summary>
    /// The console's columns for one problem's runs. Where no run knows f* (noisy data), best f and its iteration stand
    /// in for the gap, which is unknown; runs that estimate f*, roll long steps back or validate get a column each for
    /// the final f* estimate, the rejected long steps and the least validation loss.
    /// </summary>
    internal static (string[] Header, IEnumerable<string[]> Rows) Columns(IReadOnlyList<RunRecord> runs)
    {
        bool noGap = runs.All(r => double.IsNaN(r.BestGap));
        bool estimates = runs.Any(r => !double.IsNaN(r.OptimalValueEstimate));
        bool validates = runs.Any(r => !double.IsNaN(r.ValidationLoss));
        bool rejects = estimates || validates || runs.Any(r => r.RejectedLongSteps > 0);
        var header = new List<string>(ConsoleHeader);
        int gap = header.IndexOf("best gap"), toTarget = header.IndexOf("to 1e-12");
        if (noGap) header[gap] = "best f";
        var extra = new List<string>();
        if (estimates) extra.Add("f* est.");
        if (rejects) extra.Add("rejected");
        if (validates) extra.Add("validation");
        header.InsertRange(header.Count - 1, extra);
        if (noGap) header.RemoveAt(toTarget);
        var rows = runs.Select(run =>
        {
            var full = ResultRows.Row(run);
            var row = ConsoleColumns.Select(i => i == ConsoleColumns[^1] ? full[i].Replace(" ", "", StringComparison.Ordinal) : full[i]).ToList();
            if (noGap) (row[gap], row[gap + 1]) = (Numbers.Sci(run.BestValue), Numbers.Integer(run.BestValueIteration));
            var cells = new List<string>();
            if (estimates) cells.Add(double.IsNaN(run.OptimalValueEstimate) ? "—" : Numbers.Sci(run.OptimalValueEstimate));
            if (rejects) cells.Add(run.HasLongSteps ? Numbers.Integer(run.RejectedLongSteps) : "—");
            if (validates) cells.Add(double.IsNaN(run.ValidationLoss) ? "—" : Numbers.Sci(run.ValidationLoss));
            row.InsertRange(row.Count - 1, cells);
            if (noGap) row.RemoveAt(toTarget);
            return row.ToArray();
        });
        return (header.ToArray(), rows);
    }

    /// <summary>The table in <paramref name="format"/>; as JSON, the summary, with the path of its <paramref name="report"/> when given.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<RunRecord> runs, ExperimentSummary summary, ConsoleFormat format, string? report = null)
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
                    var (header, rows) = Columns(problem.ToArray());
                    var table = new Table().Border(TableBorder.None).Title(Markup.Escape(problem.Key));
                    foreach (string column in header) table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned().NoWrap().Padding(new Padding(0, 0, 2, 0)));
                    table.Columns[0].LeftAligned();
                    table.Columns[1].LeftAligned();
                    table.Columns[^1].Padding(new Padding(0));
                    foreach (var row in rows) table.AddRow(row.Select(Markup.Escape).ToArray());
                    console.Write(table);
                    console.WriteLine();
                }
                break;
        }
    }
}
