using System.Text;
using System.Text.RegularExpressions;
using Ravine.Cli.Experiments;

namespace Ravine.Cli.Output;

/// <summary>
/// <c>report.html</c>: one self-contained page — figures inlined as SVG, tables, settings and the command line — that
/// needs no network and no other file.
/// </summary>
internal static partial class HtmlReport
{
    private const string TableStyle = """
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
        th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; }
        th { background: #f3f3f3; }
        td.pass { color: #0a0; font-weight: bold; } td.fail { color: #c00; font-weight: bold; }
        """;

    public static string Render(ExperimentSummary summary, IReadOnlyList<RunRecord> runs, IReadOnlyDictionary<string, IReadOnlyList<Figures.Rendered>> figures)
    {
        var html = new StringBuilder();
        HtmlPage.Begin(html, "Ravine: GDPolyak reproduction", TableStyle);
        html.Append("<h1>Ravine: reproduction of the GDPolyak experiments</h1>\n");
        HtmlPage.MadeBy(html, summary);
        if (summary.Quick) html.Append("<p class=\"warning\">Quick budgets (a fifth of the published epochs): a smoke test, not a reproduction.</p>\n");
        if (summary.Cancelled) html.Append("<p class=\"warning\">Cancelled: some runs are partial or missing.</p>\n");
        html.Append("<h2>Settings</h2>\n");
        Table(html, ResultRows.SettingsHeader, ResultRows.SettingsRows(runs));
        html.Append("<p>GDPolyak(η, K) takes K gradient steps of size η, then one Polyak step (f − f*)/‖∇f‖², per epoch; GD and Polyak run K·epochs steps from the same start.</p>\n");
        html.Append("<h2>Results</h2>\n");
        Table(html, ResultRows.Header, ResultRows.Rows(runs));
        if (runs.Any(r => !double.IsNaN(r.PaperDistanceSurrogate)))
            html.Append("<h2>Where these numbers differ from the paper's</h2>\n<p>").Append(Text(Paper.SingleNeuronSurrogate.Explanation)).Append("</p>\n");
        html.Append("<h2>The paper's claims</h2>\n");
        Table(html, ResultRows.ClaimHeader, ResultRows.ClaimRows(summary.Claims), verdictColumn: 2);
        if (DiagnosticRows.Rows(runs).Any())
        {
            html.Append("<h2>Ravine diagnostics</h2>\n<p>").Append(Text(DiagnosticRows.Explanation)).Append("</p>\n");
            Table(html, DiagnosticRows.Header, DiagnosticRows.Rows(runs));
        }
        html.Append("<h2>Figures</h2>\n");
        foreach (var (problem, rendered) in figures)
        {
            html.Append($"<h3>{E(problem)}</h3>\n");
            // The paper's three figures in one row, the diagnostics and accuracies (when there are any) in the next.
            foreach (var row in rendered.GroupBy(f => Figures.All.Contains(f.Kind)))
            {
                html.Append("<div class=\"figures\">\n");
                foreach (var figure in row)
                    html.Append($"<figure>{StripXmlDeclaration(figure.Svg)}<figcaption>{E(figure.Kind.Title)}{(row.Key ? " vs iteration" : "")}</figcaption></figure>\n");
                html.Append("</div>\n");
            }
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>An HTML table whose numeric cells do not wrap (see <see cref="NumericCell"/>); shared by every report.</summary>
    internal static void Table(StringBuilder html, IReadOnlyList<string> header, IEnumerable<string[]> rows, int verdictColumn = -1)
    {
        html.Append("<table><thead><tr>");
        foreach (string h in header) html.Append("<th>").Append(Text(h)).Append("</th>");
        html.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
            {
                if (i != verdictColumn && NumericCell().IsMatch(row[i]))
                {
                    html.Append("<td class=\"num\">").Append(E(row[i])).Append("</td>");
                    continue;
                }
                string css = i != verdictColumn ? "" : row[i] == "PASS" ? " class=\"pass\"" : row[i] == "FAIL" ? " class=\"fail\"" : "";
                html.Append($"<td{css}>").Append(Text(row[i])).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table>\n");
    }

    // An XML declaration is not allowed inside an HTML document.
    internal static string StripXmlDeclaration(string svg)
    {
        svg = svg.TrimStart();
        return svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..] : svg;
    }

    private static string E(string text) => HtmlPage.E(text);

    // A browser may break "1.7e-06" at its hyphen, leaving "1.7e-" on one line and "06" on the next: numeric cells do
    // not wrap, and a number inside prose (the claims' evidence, a header) is a span that does not wrap.
    [GeneratedRegex(@"^[-+0-9.,e ]+s?$|^n/a$|^never$")]
    private static partial Regex NumericCell();

    [GeneratedRegex(@"[-+]?\d+(\.\d+)?e[-+]\d+")]
    private static partial Regex Number();

    private static string Text(string text) => Number().Replace(E(text), m => $"<span class=\"num\">{m.Value}</span>");
}
