using System.Globalization;
using Ravine.Cli.Experiments;
using Spectre.Console;

namespace Ravine.Cli.Output;

/// <summary>The console table of <c>ravine bench</c> in the chosen <see cref="ConsoleFormat"/>.</summary>
internal static class BenchTable
{
    public static readonly string[] Header = ["problem", "method", "calls", "median", "min", "calls/s", "GFLOP/s"];

    public static IEnumerable<string[]> Rows(BenchReport report)
    {
        foreach (var run in report.Runs)
            yield return [run.Problem, run.Method, Numbers.Integer(run.OracleCalls), Seconds(run.MedianSeconds), Seconds(run.MinSeconds),
                Numbers.Integer((long)Math.Round(run.OracleCallsPerSecond)),
                double.IsNaN(run.GflopsPerSecond) ? "n/a" : run.GflopsPerSecond.ToString("0.0", CultureInfo.InvariantCulture)];
        yield return ["total", "", Numbers.Integer(report.Runs.Sum(r => r.OracleCalls)), Seconds(report.TotalMedianSeconds), "", "", ""];
    }

    public static void Write(IAnsiConsole console, BenchReport report, ConsoleFormat format)
    {
        switch (format)
        {
            case ConsoleFormat.Markdown:
                console.Profile.Out.Writer.Write(MarkdownTable.Render(Header, Rows(report)));
                break;
            case ConsoleFormat.Json:
                console.Profile.Out.Writer.WriteLine(ExperimentJson.Serialize(report));
                break;
            default:
                var table = new Table().Border(TableBorder.None)
                    .Title(Markup.Escape($"median of {report.Repetitions} runs, one at a time, {report.Machine.ProcessorCount} cores"));
                foreach (string column in Header) table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned().NoWrap().Padding(new Padding(0, 0, 2, 0)));
                table.Columns[0].LeftAligned();
                table.Columns[1].LeftAligned();
                table.Columns[^1].Padding(new Padding(0));
                foreach (var row in Rows(report))
                    table.AddRow(row.Select(Markup.Escape).ToArray());
                console.Write(table);
                console.WriteLine();
                break;
        }
    }

    // Milliseconds matter here: a Rosenbrock run takes a few of them.
    private static string Seconds(double value) => value.ToString("0.000", CultureInfo.InvariantCulture) + " s";
}
