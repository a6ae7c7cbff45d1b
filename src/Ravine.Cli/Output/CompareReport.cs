using System.Text;
using Ravine.Cli.Compare;

namespace Ravine.Cli.Output;

/// <summary>
/// <c>report.html</c> of <c>ravine compare</c>: one self-contained page (profiles inlined as SVG, the tables, the
/// settings and the command line) that needs no network and no other file.
/// </summary>
internal static class CompareReport
{
    private const string TableStyle = """
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.85em; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: right; }
        th { background: #f3f3f3; } td:first-child, th:first-child { text-align: left; }
        """;

    public static string Render(CompareSummary summary, IReadOnlyList<(ProfileData Data, IReadOnlyList<Figures.Rendered> Figures)> profiles)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(profiles);
        var html = new StringBuilder();
        HtmlPage.Begin(html, "Ravine: method comparison", TableStyle);
        html.Append("<h1>Ravine: method comparison</h1>\n");
        HtmlPage.MadeBy(html, summary);
        if (summary.Cancelled) html.Append("<p class=\"warning\">Interrupted: some runs are missing; they count as unsolved.</p>\n");
        int problems = summary.Entries.Select(e => e.Problem).Distinct().Count();
        html.Append($"<p>{problems} problems × {summary.Seeds} seeds (first seed {summary.FirstSeed}) = {problems * summary.Seeds} instances; " +
                    $"every run has {E(Numbers.Integer(summary.MaxCalls))} oracle calls (one call = f and ∇f at one point). " +
                    $"Targets: f − f* ≤ {E(string.Join(", ", summary.Targets.Select(ProfileFigures.TargetText)))} (f* is known for every problem). ");
        html.Append(summary.TuningStepsizes is null
            ? "Every method runs at its defaults (the paper's settings on the paper's problems); a method with a required option that has no value there is reported as needing tuning and counts as unsolved.</p>\n"
            : $"<code>--tune</code>: each method's stepsize over {E(string.Join(", ", summary.TuningStepsizes.Select(Numbers.Plain)))} " +
              $"(and a required count such as K over {E(string.Join(", ", summary.TuningCounts!.Select(Numbers.Plain)))}); the best setting per problem is reported, " +
              "and the profiles add the calls of the other settings to its cost.</p>\n");
        html.Append("<h2>Per method</h2>\n");
        HtmlReport.Table(html, CompareTables.MethodHeader(summary), CompareTables.MethodRows(summary));
        int headline = summary.Targets.Count / 2;
        html.Append("<h2>Per problem</h2>\n<p>").Append(E(CompareTables.Caption(summary, headline))).Append("</p>\n");
        HtmlReport.Table(html, CompareTables.ProblemHeader(summary), CompareTables.ProblemRows(summary, headline));
        html.Append("<h2>Profiles</h2>\n<p>Performance profile (Dolan–Moré 2002): ρ(τ) is the fraction of instances on which the method " +
                    "reached the target with at most τ times the oracle calls of the best method on that instance; ρ(1) is how often it was " +
                    "fastest, the right end how often it got there at all. Data profile (Moré–Wild 2009): the fraction of instances solved within " +
                    "α·(n + 1) oracle calls, n the dimension. Higher and further left is better.</p>\n");
        foreach (var (data, figures) in profiles)
        {
            html.Append($"<h3>f − f* ≤ {E(ProfileFigures.TargetText(data.Target))}</h3>\n<div class=\"figures\">\n");
            foreach (var figure in figures)
                html.Append($"<figure>{HtmlReport.StripXmlDeclaration(figure.Svg)}<figcaption>{E(figure.Kind.Title)}</figcaption></figure>\n");
            html.Append("</div>\n");
        }
        html.Append("<h2>Every method × problem</h2>\n<p>Calls and seconds to a target: median [first quartile, third quartile] over the seeds that reached it.</p>\n");
        HtmlReport.Table(html, DetailHeader(summary), DetailRows(summary));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static IReadOnlyList<string> DetailHeader(CompareSummary summary) =>
        ["method", "problem", "setting", .. summary.Targets.SelectMany(t => new[] { $"solved ≤ {ProfileFigures.TargetText(t)}", "calls", "seconds" }),
         "best gap (median)", "best gap (min)", "diverged", "settings tried", "tuning calls (median)", "stops"];

    private static IEnumerable<string[]> DetailRows(CompareSummary summary) =>
        summary.Entries.Select(e => new[] { e.Method, e.Problem, e.NeedsTuning ?? e.Setting ?? "" }
            .Concat(e.Targets.SelectMany(t => new[] { $"{t.Solved}/{e.Runs}", Calls(t.Calls), Seconds(t.Seconds) }))
            .Concat([Numbers.Sci(e.BestGapMedian), Numbers.Sci(e.BestGapMin), Numbers.Integer(e.Diverged), Numbers.Integer(e.SettingsTried), Numbers.Integer((long)e.TuningCallsMedian), e.StopReasons])
            .ToArray());

    private static string Calls(Quartiles q) => Range(q, v => Numbers.Integer((long)Math.Round(v)));

    private static string Seconds(Quartiles q) => Range(q, v => v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));

    private static string Range(Quartiles q, Func<double, string> format) =>
        double.IsNaN(q.Median) ? "—" : $"{format(q.Median)} [{format(q.Q1)}, {format(q.Q3)}]";

    private static string E(string text) => HtmlPage.E(text);
}
