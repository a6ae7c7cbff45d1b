using System.Globalization;
using System.Text;
using Ravine.Cli.Compare;
using Ravine.IO;
using Spectre.Console;

namespace Ravine.Cli.Output;

/// <summary>The CSV of <c>ravine sweep</c> (one row per cell) and its console grid (rows y, columns x).</summary>
internal static class SweepTables
{
    public static string Csv(SweepPlan plan, IReadOnlyList<SweepCell> cells)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(cells);
        var text = new StringBuilder();
        string target = ProfileFigures.TargetText(plan.Target);
        text.Append($"method,problem,{plan.X.Key}{(plan.Y is null ? "" : "," + plan.Y.Key)},setting,seeds,solved_{target},best_gap_median,calls_median_{target},diverged,stop_reasons\n");
        foreach (var c in cells)
        {
            string y = plan.Y is null ? "" : "," + RoundTripDouble.Format(plan.Y.Values[c.Y]);
            string stops = string.Join(" ", c.Runs.GroupBy(r => r.StopReason).Select(g => $"{g.Key}:{g.Count()}"));
            text.Append($"{plan.Method.Name},{plan.Problem.Name},{RoundTripDouble.Format(plan.X.Values[c.X])}{y},{c.Setting.Label},{c.Runs.Count},{c.Solved},");
            text.Append($"{Real(c.BestGap)},{Real(c.Calls)},{c.Diverged},{stops}\n");
        }
        return text.ToString();
    }

    public static void Write(IAnsiConsole console, SweepPlan plan, IReadOnlyList<SweepCell> cells, ConsoleFormat format)
    {
        ArgumentNullException.ThrowIfNull(console);
        string caption = $"{plan.Method.Name} on {plan.Problem.Name}: median best gap (calls to f − f* ≤ {ProfileFigures.TargetText(plan.Target)}); rows {plan.Y?.Key ?? "—"}, columns {plan.X.Key}";
        string[] header = [plan.Y is null ? "" : $"{plan.Y.Key} \\ {plan.X.Key}", .. plan.X.Values.Select(v => v.ToString("G3", CultureInfo.InvariantCulture))];
        var rows = cells.GroupBy(c => c.Y).Select(g => (string[])[plan.Y is null ? "" : plan.Y.Values[g.Key].ToString("G4", CultureInfo.InvariantCulture), .. g.Select(Cell)]).ToArray();
        if (format == ConsoleFormat.Markdown)
        {
            console.Profile.Out.Writer.Write($"{caption}\n\n{MarkdownTable.Render(header, rows)}");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).Caption(Markup.Escape(caption));
        foreach (string h in header) table.AddColumn(new TableColumn(Markup.Escape(h)).RightAligned());
        foreach (var row in rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        console.Write(table);
        console.WriteLine();
    }

    private static string Cell(SweepCell c) =>
        c.Runs.Count == 0 ? "not run"
        : c.Diverged == c.Runs.Count ? "diverged"
        : $"{Numbers.Sci(c.BestGap)} ({(double.IsFinite(c.Calls) ? Numbers.Integer((long)c.Calls) : "—")})";

    private static string Real(double value) => double.IsNaN(value) ? "" : RoundTripDouble.Format(value);
}
