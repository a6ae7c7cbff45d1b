using System.Globalization;
using System.Text;
using Ravine.Cli.Output;
using Ravine.IO;
using Ravine.Training;

namespace Ravine.Cli.Training;

/// <summary>
/// <c>ravine train</c>'s <c>report.md</c> and <c>report.html</c>: the table over methods and seeds, each run's last
/// epoch and long steps, the ravine measured along each run (Lanczos spectra, flat directions, growth order, curvature
/// along the long steps) and the figures.
/// </summary>
internal static class TrainingReport
{
    public static void Write(string folder, TrainingSummary summary, IReadOnlyList<TrainingRunOutcome> runs, bool classifier, IReadOnlyList<Figures.Kind> figures)
    {
        var sections = Sections(summary, runs, classifier);
        var md = new StringBuilder($"# ravine train: {summary.Model}\n\n");
        md.Append($"Made by `{summary.CommandLine}` with Ravine {summary.Version} on {summary.Machine.OperatingSystem}, {summary.Machine.ProcessorCount} processors; started {summary.StartedUtc:u}.\n\n");
        foreach (var (title, text, header, rows) in sections)
        {
            md.Append($"## {title}\n\n");
            if (text.Length > 0) md.Append(text).Append("\n\n");
            if (header.Count > 0) md.Append(MarkdownTable.Render(header, rows)).Append('\n');
        }
        md.Append("## Figures\n\n");
        foreach (var kind in figures) md.Append($"![{kind.Title}]({kind.Name}.svg)\n");
        AtomicFile.WriteAllText(Path.Combine(folder, "report.md"), md.ToString());

        var html = new StringBuilder();
        HtmlPage.Begin(html, $"ravine train: {HtmlPage.E(summary.Model)}", "table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.2em 0.5em; }");
        html.Append($"<h1>ravine train: {HtmlPage.E(summary.Model)}</h1>\n");
        HtmlPage.MadeBy(html, summary);
        foreach (var (title, text, header, rows) in sections)
        {
            html.Append($"<h2>{HtmlPage.E(title)}</h2>\n");
            if (text.Length > 0) html.Append($"<p>{HtmlPage.E(text)}</p>\n");
            if (header.Count == 0) continue;
            html.Append("<table><tr>").AppendJoin("", header.Select(h => $"<th>{HtmlPage.E(h)}</th>")).Append("</tr>\n");
            foreach (var row in rows) html.Append("<tr>").AppendJoin("", row.Select(c => $"<td class=\"num\">{HtmlPage.E(c)}</td>")).Append("</tr>\n");
            html.Append("</table>\n");
        }
        html.Append("<h2>Figures</h2>\n<div class=\"figures\">\n");
        foreach (var kind in figures)
            html.Append("<figure>").Append(File.ReadAllText(Path.Combine(folder, kind.Name + ".svg"))).Append("</figure>\n");
        html.Append("</div></body></html>\n");
        AtomicFile.WriteAllText(Path.Combine(folder, "report.html"), html.ToString());
    }

    private static List<(string Title, string Text, IReadOnlyList<string> Header, IEnumerable<string[]> Rows)> Sections(TrainingSummary summary, IReadOnlyList<TrainingRunOutcome> runs, bool classifier)
    {
        var list = new List<(string, string, IReadOnlyList<string>, IEnumerable<string[]>)>
        {
            ("Methods × seeds", classifier ? "Over the finished runs: epochs and seconds until the test accuracy first reaches each target, the median over the seeds that reached it (how many did, when not all)." : "The final test loss (for the autoencoder, the reconstruction MSE).",
                TimeToAccuracyTable.Header(classifier), TimeToAccuracyTable.Rows(runs, classifier).ToArray()),
            ("Runs", "The last epoch of each run; long steps kept / rolled back over the whole run.",
                ["method", "seed", "stopped", "epochs", "seconds", "train loss", "test loss", "train acc.", "validation acc.", "test acc.", "long steps kept / rolled back"],
                runs.Select(r =>
                {
                    var last = r.Result.Rows[^1];
                    return new[] { r.Method, S(r.Seed), r.Result.StopReason.ToString(), S(last.Epoch), Numbers.Seconds(last.Seconds), Numbers.Sci(last.Training.Loss), Numbers.Sci(last.Test.Loss),
                        P(last.Training.Accuracy), P(last.Validation.Accuracy), P(last.Test.Accuracy), $"{r.Result.LongSteps.Count(s => s.Kept)} / {r.Result.LongSteps.Count(s => !s.Kept)}" };
                }).ToArray()),
        };
        var withLongSteps = runs.Where(r => r.Result.LongSteps.Count > 0).ToArray();
        if (withLongSteps.Length > 0)
            list.Add(("Long steps", "The Polyak stepsize t and the curvature κ = vᵀ∇²f v/‖v‖² along each long step's direction on its judge batch (medians over the run). On a quadratic valley a step along v lowers f only when t·κ < 2; t·κ far above 2 means the step relies on the loss being flatter than quadratic further along (the ravine picture) — or is rolled back.",
                ["method", "seed", "long steps", "kept", "median t", "median κ", "median t·κ"],
                withLongSteps.Select(r => new[] { r.Method, S(r.Seed), S(r.Result.LongSteps.Count), S(r.Result.LongSteps.Count(s => s.Kept)),
                    Numbers.Sci(Median(r.Result.LongSteps.Select(s => s.Stepsize))), Numbers.Sci(Median(r.Result.LongSteps.Select(s => s.Curvature))),
                    Numbers.Sci(Median(r.Result.LongSteps.Select(s => s.Stepsize * s.Curvature))) }).ToArray()));
        var probed = runs.Where(r => r.Result.Probes.Count > 0).ToArray();
        if (probed.Length > 0)
        {
            list.Add(("The ravine", "On a fixed probe batch: f and ‖∇f‖ at every epoch's end, and where Lanczos ran (exact Hessian-vector products, full reorthogonalization) the top Ritz values, the smallest one, and the quadrature's share of eigenvalues with |λ| ≤ 1% of λ_max (× the dimension: near-flat directions). Lanczos resolves the top of the spectrum; near zero a Ritz value stands for a cluster, so the flat share is an estimate at the quadrature's resolution. The growth order p assumes f* = 0 and reads p/(p − 1) as the slope of log f on log ‖∇f‖.",
                ["method", "seed", "epoch", "f", "‖∇f‖", "top eigenvalues", "smallest Ritz value", "flat share", "flat directions"],
                probed.SelectMany(r => r.Result.Probes.Select(p => new[] { r.Method, S(r.Seed), S(p.Epoch), Numbers.Sci(p.Loss), Numbers.Sci(p.GradientNorm),
                    p.Spectrum is { } s ? string.Join(", ", s.TopEigenvalues.Select(Numbers.Sci)) : "", p.Spectrum is { } t ? Numbers.Sci(t.SmallestRitzValue) : "",
                    p.Spectrum is { } u ? P(u.FlatShare) : "", p.Spectrum is { } w ? w.FlatDirections.ToString("N0", CultureInfo.InvariantCulture) : "" })).ToArray()));
            list.Add(("Growth order", "", ["method", "seed", "growth order p (f* = 0)"],
                probed.Select(r => new[] { r.Method, S(r.Seed), double.IsNaN(r.Result.GrowthOrder) ? "no fit" : r.Result.GrowthOrder.ToString("0.00", CultureInfo.InvariantCulture) }).ToArray()));
        }
        return list;
    }

    private static string S(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string S(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string P(double value) => double.IsNaN(value) ? "n/a" : (100 * value).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static double Median(IEnumerable<double> values) => TimeToAccuracyTable.Median(values);
}
