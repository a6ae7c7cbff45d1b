using Ravine.Cli.Experiments;
using Ravine.IO;
using Ravine.Optimization;
using ScottPlot;

namespace Ravine.Cli.Output;

/// <summary>The paper's figures for one problem: gap, distance and stepsize against the iteration, on a log y axis.</summary>
internal static class Figures
{
    public const int Width = 800;
    public const int Height = 500;

    /// <summary>What a figure shows, its file name stem and its y axis title.</summary>
    public sealed record Kind(string Name, string Title, string YLabel);

    public static readonly Kind Gap = new("gap", "optimality gap", "f(x) - f*");
    public static readonly Kind Distance = new("distance", "distance to the solution set", "dist(x, S)");
    public static readonly Kind Stepsize = new("stepsize", "stepsize", "stepsize");

    public static IReadOnlyList<Kind> All { get; } = [Gap, Distance, Stepsize];

    /// <summary>A rendered figure: PNG bytes and SVG text.</summary>
    public sealed record Rendered(Kind Kind, byte[] Png, string Svg);

    /// <summary>
    /// Renders the three figures of one problem's runs, and those of <see cref="ObservationFigures"/> they have data
    /// for. <paramref name="meanwhile"/>, if given, runs on this thread first, while the SVGs are drawn on another: work
    /// that does not depend on the figures (a summary, a table) then costs no time of its own.
    /// </summary>
    public static IReadOnlyList<Rendered> Render(IReadOnlyList<RunRecord> runs, Action? meanwhile = null)
    {
        var kinds = For(runs);
        // The SVGs, which are drawn one at a time (see FigureImage.Svg), on a thread of their own; the PNGs meanwhile on
        // the other cores, all but one (on two cores, a second PNG thread only slowed the SVGs, the longer chain, down).
        // Each file gets a plot of its own, since a plot renders on one thread.
        var svgs = Task.Run(() => kinds.Select(kind => FigureImage.Svg(Draw(kind, runs))).ToArray());
        try
        {
            meanwhile?.Invoke();
        }
        catch
        {
            // Not left running unobserved: its failure, if any, is secondary.
            try { svgs.Wait(); } catch (AggregateException) { }
            throw;
        }
        var pngs = new byte[kinds.Count][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) };
        Parallel.For(0, kinds.Count, options, i => pngs[i] = FigureImage.Png(Draw(kinds[i], runs)));
        var texts = svgs.GetAwaiter().GetResult();
        return kinds.Select((kind, i) => new Rendered(kind, pngs[i], texts[i])).ToArray();
    }

    /// <summary>
    /// Starts loading and compiling what drawing needs (SkiaSharp's native library, the font, ScottPlot's rendering
    /// code) on a worker thread, by drawing a small throwaway PNG, so that a later <see cref="Render"/> finds it
    /// ready; only the first call does anything. For a command that computes first and draws after: the loading then
    /// overlaps the computation (and, started before the command line is parsed, the parsing).
    /// </summary>
    public static void WarmUp()
    {
        if (Interlocked.Exchange(ref warmingUp, 1) == 1) return;
        Task.Run(() =>
        {
            try
            {
                var plot = new Plot();
                plot.Add.Scatter(new double[] { 0, 1 }, new double[] { -1, 1 });
                plot.Title("warm-up");
                plot.XLabel("iteration");
                plot.YLabel("log scale");
                UseLogScale(plot);
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = "warm-up", MarkerShape = MarkerShape.FilledCircle });
                plot.ShowLegend(Alignment.LowerLeft);
                FigureImage.Png(plot);
                // The first SVG in a process costs several later ones.
                FigureImage.Svg(plot);
            }
            catch (Exception)
            {
                // Only a head start: if drawing fails, Render fails the same way and reports it where the command expects.
            }
        });
    }

    private static int warmingUp;

    /// <summary>The figures <see cref="Render"/> makes for one problem's runs.</summary>
    /// <remarks>A figure with nothing to draw (no distances on a problem that does not know its solutions) is left out.</remarks>
    public static IReadOnlyList<Kind> For(IReadOnlyList<RunRecord> runs) =>
        [.. All.Where(kind => runs.Any(run => Series(kind, run, ValueForGap(runs)).Xs.Length > 0)), .. ObservationFigures.For(runs)];

    // Where no run knows f* (noisy data) the gap figure shows f itself, the one loss there is.
    private static bool ValueForGap(IReadOnlyList<RunRecord> runs) => runs.All(run => double.IsNaN(run.BestGap));

    /// <summary>The files <see cref="Write"/> may make for a problem, relative to the output folder.</summary>
    public static IEnumerable<string> Files(string problem) =>
        All.Concat(ObservationFigures.All).SelectMany(kind => new[] { Path.Combine(problem, kind.Name + ".png"), Path.Combine(problem, kind.Name + ".svg") });

    /// <summary>Writes each figure as <c>&lt;name&gt;.png</c> and <c>&lt;name&gt;.svg</c> in <paramref name="folder"/>, atomically.</summary>
    public static void Write(IReadOnlyList<Rendered> figures, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var figure in figures)
        {
            AtomicFile.WriteAllBytes(Path.Combine(folder, figure.Kind.Name + ".png"), figure.Png);
            AtomicFile.WriteAllText(Path.Combine(folder, figure.Kind.Name + ".svg"), figure.Svg);
        }
    }

    private static Plot Draw(Kind kind, IReadOnlyList<RunRecord> runs) =>
        All.Contains(kind) ? DrawPaperFigure(kind, runs) : ObservationFigures.Draw(kind, runs);

    private static Plot DrawPaperFigure(Kind kind, IReadOnlyList<RunRecord> runs)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var legend = new List<LegendItem>();
        // Drawn in reverse so GDPolyak, listed first, lies on top of the baselines' oscillations; the colours and the
        // legend keep the listed order.
        for (int i = runs.Count - 1; i >= 0; i--)
        {
            var (xs, ys, markers) = Series(kind, runs[i], ValueForGap(runs));
            if (xs.Length == 0) continue;
            var color = palette.GetColor(i);
            var scatter = plot.Add.Scatter(xs, ys, color);
            scatter.LineWidth = 1.5f;
            scatter.MarkerSize = markers ? 5 : 0;
            legend.Insert(0, new LegendItem
            {
                LabelText = kind == Stepsize && markers ? $"{runs[i].MethodName} (long steps)" : runs[i].MethodName,
                LineColor = color,
                LineWidth = 2,
                MarkerShape = markers ? MarkerShape.FilledCircle : MarkerShape.None,
                MarkerFillColor = color,
                MarkerLineColor = color,
                MarkerSize = markers ? 5 : 0,
            });
        }
        plot.Legend.ManualItems.AddRange(legend);
        bool value = kind == Gap && ValueForGap(runs);
        plot.Title($"{runs[0].Key.Problem}: {(value ? "f (f* unknown)" : kind.Title)}");
        plot.XLabel("iteration");
        plot.YLabel($"{(value ? "f(x)" : kind.YLabel)} (log scale)");
        UseLogScale(plot);
        plot.ShowLegend(kind == Stepsize ? Alignment.UpperLeft : Alignment.LowerLeft);
        return plot;
    }

    /// <summary>The points to draw: iteration and log10 of the value, skipping values a log axis cannot show.</summary>
    private static (double[] Xs, double[] Ys, bool Markers) Series(Kind kind, RunRecord run, bool valueForGap)
    {
        var trace = run.Result.Trace;
        if (kind == Stepsize)
        {
            // GDPolyak's short steps are all η; what the paper shows is its long steps rising epoch by epoch.
            bool longOnly = run.LongSteps.Count > 0 && trace.Kind.Contains(StepKind.Short);
            var points = new List<(double, double)>();
            for (int i = 1; i < trace.Count; i++)
                if (!longOnly || trace.Kind[i] == StepKind.Long)
                    Add(points, trace.Iteration[i], trace.Stepsize[i]);
            return Finish(points, longOnly);
        }
        var values = kind == Gap ? (valueForGap ? trace.Value : trace.Gap) : trace.Distance;
        var all = new List<(double, double)>(trace.Count);
        for (int i = 0; i < trace.Count; i++) Add(all, trace.Iteration[i], values[i]);
        return Finish(all, false);
    }

    private static void Add(List<(double, double)> points, int iteration, double value)
    {
        if (value > 0 && double.IsFinite(value)) points.Add((iteration, Math.Log10(value)));
    }

    private static (double[], double[], bool) Finish(List<(double X, double Y)> points, bool markers)
    {
        var kept = Decimate(points, 1500);
        return (kept.Select(p => p.X).ToArray(), kept.Select(p => p.Y).ToArray(), markers);
    }

    /// <summary>
    /// At most about 2·<paramref name="buckets"/> points: per bucket of neighbours the lowest and highest in their order,
    /// so the kinks of GDPolyak's long steps survive while the SVG stays small.
    /// </summary>
    private static List<(double X, double Y)> Decimate(List<(double X, double Y)> points, int buckets)
    {
        if (points.Count <= 2 * buckets) return points;
        var kept = new List<(double, double)>(2 * buckets + 2);
        double size = (double)points.Count / buckets;
        for (int b = 0; b < buckets; b++)
        {
            int from = (int)(b * size), to = Math.Min(points.Count, (int)((b + 1) * size));
            int low = from, high = from;
            for (int i = from; i < to; i++)
            {
                if (points[i].Y < points[low].Y) low = i;
                if (points[i].Y > points[high].Y) high = i;
            }
            kept.Add(points[Math.Min(low, high)]);
            if (low != high) kept.Add(points[Math.Max(low, high)]);
        }
        if (kept[^1] != points[^1]) kept.Add(points[^1]);
        return kept;
    }

    private static void UseLogScale(Plot plot)
    {
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => $"1e{Math.Round(y):0}",
        };
        plot.Axes.Left.TickGenerator = ticks;
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(.15);
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(.05);
        plot.Grid.MinorLineWidth = 1;
    }
}
