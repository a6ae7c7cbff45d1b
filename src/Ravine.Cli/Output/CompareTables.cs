using System.Globalization;
using Ravine.Cli.Compare;
using Ravine.Cli.Experiments;
using Spectre.Console;

namespace Ravine.Cli.Output;

/// <summary>
/// The tables of <c>ravine compare</c>: per method, the share of instances solved at each target; and per problem ×
/// method, how many seeds reached the headline target and the median oracle calls they took. Printed as text,
/// Markdown (to paste into a README) or, with JSON, the summary.
/// </summary>
internal static class CompareTables
{
    public static IReadOnlyList<string> MethodHeader(CompareSummary summary) =>
        ["method", .. summary.Targets.Select(t => $"solved ≤ {ProfileFigures.TargetText(t)}"), "diverged runs", "needs tuning on"];

    /// <summary>Per method over all instances (problem × seed): the share solved per target (a problem it could not run on counts as unsolved).</summary>
    public static IEnumerable<string[]> MethodRows(CompareSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        foreach (var method in summary.Entries.GroupBy(e => e.Method))
        {
            int instances = method.Count() * summary.Seeds;
            var row = new List<string> { method.Key };
            for (int t = 0; t < summary.Targets.Count; t++)
                row.Add(Percent(method.Sum(e => e.Targets[t].Solved), instances));
            row.Add(Numbers.Integer(method.Sum(e => e.Diverged)));
            var untuned = method.Where(e => e.NeedsTuning is not null).ToArray();
            row.Add(untuned.Length == 0 ? "—" : $"{untuned.Length} of {method.Count()} problems");
            yield return row.ToArray();
        }
    }

    public static IReadOnlyList<string> ProblemHeader(CompareSummary summary) =>
        ["problem", .. summary.Entries.Select(e => e.Method).Distinct()];

    /// <summary>Per problem, per method: "solved/runs median-calls" at the headline target, or the median best gap when no run reached it.</summary>
    public static IEnumerable<string[]> ProblemRows(CompareSummary summary, int target)
    {
        ArgumentNullException.ThrowIfNull(summary);
        foreach (var problem in summary.Entries.GroupBy(e => e.Problem))
        {
            string name = problem.First().Degenerate ? problem.Key : problem.Key + " (control)";
            yield return [name, .. problem.Select(e => Cell(e, target))];
        }
    }

    private static string Cell(MethodProblemSummary entry, int target)
    {
        if (entry.NeedsTuning is not null) return "tune";
        if (entry.Runs == 0) return "not run";
        var t = entry.Targets[target];
        string cell = t.Solved > 0
            ? $"{t.Solved}/{entry.Runs} {Numbers.Integer((long)Math.Round(t.Calls.Median))}"
            : $"0/{entry.Runs} ({Numbers.Sci(entry.BestGapMedian)})";
        return entry.Diverged > 0 ? $"{cell} {entry.Diverged}✗" : cell;
    }

    public static string Caption(CompareSummary summary, int target) =>
        $"Oracle calls to f − f* ≤ {ProfileFigures.TargetText(summary.Targets[target])}: seeds solved/run and the median calls of the solved ones " +
        $"(else, in brackets, the median best gap); n✗ = n runs diverged; \"tune\" = a required option has no default here; budget {Numbers.Integer(summary.MaxCalls)} calls per run" +
        (summary.TuningStepsizes is null ? ", each method at its defaults." : ", each method at its best grid setting per problem.");

    /// <summary>The tables in <paramref name="format"/>; as JSON, the summary with the path of its <paramref name="report"/>.</summary>
    public static void Write(IAnsiConsole console, CompareSummary summary, int target, ConsoleFormat format, string report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(summary);
        int instances = summary.Entries.Select(e => e.Problem).Distinct().Count() * summary.Seeds;
        string methodCaption = $"Share of the {instances} instances (problems × seeds) solved within the budget; diverged runs; problems where a required option has no default.";
        switch (format)
        {
            case ConsoleFormat.Markdown:
                var writer = console.Profile.Out.Writer;
                writer.Write($"{methodCaption}\n\n{MarkdownTable.Render(MethodHeader(summary), MethodRows(summary))}\n");
                writer.Write($"{Caption(summary, target)}\n\n{MarkdownTable.Render(ProblemHeader(summary), ProblemRows(summary, target))}");
                break;
            case ConsoleFormat.Json:
                console.Profile.Out.Writer.WriteLine(ExperimentJson.SerializeWithReport(summary, report));
                break;
            default:
                Draw(console, methodCaption, MethodHeader(summary), MethodRows(summary));
                Draw(console, Caption(summary, target), ProblemHeader(summary), ProblemRows(summary, target));
                break;
        }
    }

    private static void Draw(IAnsiConsole console, string caption, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (string column in header) table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        table.Columns[0].LeftAligned().NoWrap();
        foreach (var row in rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        console.Write(table);
        // Below the table rather than as its caption: a caption wraps at the table's width, even into a pipe.
        console.Write(new Text(caption, new Style(Color.Grey)));
        console.WriteLine();
        console.WriteLine();
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + " %";
}
