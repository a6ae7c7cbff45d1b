using Ravine.Analysis;
using Ravine.Cli.Experiments;
using ScottPlot;

namespace Ravine.Cli.Output;

/// <summary>
/// The figures of what runs recorded beside their traces (<see cref="RunObservations"/>): the ravine diagnostics per
/// epoch (growth order; contraction factor and gradient share) for runs with epochs, and the training and test
/// accuracy over the iterations for runs on a classification problem. A problem without either gets none of them.
/// </summary>
internal static class ObservationFigures
{
    public static readonly Figures.Kind GrowthOrder = new("growth-order", "estimated growth order per epoch", "p in f - f* ~ dist^p");
    public static readonly Figures.Kind Contraction = new("contraction", "contraction factor and gradient share per epoch", "factor (solid), share (dotted)");
    public static readonly Figures.Kind Accuracy = new("accuracy", "training and test accuracy", "accuracy");

    /// <summary>Every figure this class can make, for the list of files an output folder may hold.</summary>
    public static IReadOnlyList<Figures.Kind> All { get; } = [GrowthOrder, Contraction, Accuracy];

    /// <summary>The figures the runs of one problem have data for.</summary>
    public static IReadOnlyList<Figures.Kind> For(IReadOnlyList<RunRecord> runs)
    {
        var kinds = new List<Figures.Kind>();
        // The growth order only where some fit is good: elsewhere its per-epoch numbers measure noise, and the console
        // and the reports say that no ravine was detected. Contraction and gradient share are measured, not fitted.
        if (runs.Any(r => r.Epochs.Any(RunDiagnostics.IsGoodFit))) kinds.Add(GrowthOrder);
        if (runs.Any(r => r.Epochs.Any(e => !double.IsNaN(e.GrowthOrder)))) kinds.Add(Contraction);
        if (runs.Any(r => r.Accuracy.Count > 0)) kinds.Add(Accuracy);
        return kinds;
    }

    /// <summary>Draws one of the figures of <see cref="For"/>, not yet rendered (<see cref="Figures.Render"/> renders them with its own).</summary>
    public static Plot Draw(Figures.Kind kind, IReadOnlyList<RunRecord> runs) =>
        kind == Accuracy ? DrawAccuracy(runs) : DrawEpochs(kind, runs);

    private static Plot DrawEpochs(Figures.Kind kind, IReadOnlyList<RunRecord> runs)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < runs.Count; i++)
        {
            var epochs = runs[i].Epochs;
            if (kind == GrowthOrder)
            {
                // Good fits as the run's points; the others dotted, so a poor fit is never read as an estimate, and only
                // those near the orders a good fit can have, so that an outlier of noise cannot flatten the good ones.
                Line(plot, epochs.Where(RunDiagnostics.IsGoodFit).Select(e => ((double)e.Epoch, e.GrowthOrder)), palette.GetColor(i), runs[i].MethodName, dotted: false);
                Line(plot, epochs.Where(e => e.GrowthOrder is >= 0 and <= RunDiagnostics.GreatestGrowthOrder + 1).Select(e => ((double)e.Epoch, e.GrowthOrder)),
                    palette.GetColor(i), $"{runs[i].MethodName} (every fit in [0, {RunDiagnostics.GreatestGrowthOrder + 1}], good or not)", dotted: true);
            }
            else
            {
                Line(plot, epochs.Select(e => ((double)e.Epoch, e.Contraction)), palette.GetColor(i), $"{runs[i].MethodName} contraction", dotted: false);
                Line(plot, epochs.Select(e => ((double)e.Epoch, e.GradientShare)), palette.GetColor(i), $"{runs[i].MethodName} gradient share", dotted: true);
            }
        }
        plot.XLabel("epoch");
        if (kind == Contraction) plot.Axes.SetLimitsY(-0.02, 1.1);
        return Finish(plot, kind, runs);
    }

    private static Plot DrawAccuracy(IReadOnlyList<RunRecord> runs)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < runs.Count; i++)
        {
            var samples = runs[i].Accuracy;
            Line(plot, samples.Select(s => ((double)s.Iteration, s.Train)), palette.GetColor(i), $"{runs[i].MethodName} training", dotted: false);
            Line(plot, samples.Select(s => ((double)s.Iteration, s.Test)), palette.GetColor(i), $"{runs[i].MethodName} test", dotted: true);
        }
        plot.XLabel("iteration");
        plot.Axes.SetLimitsY(-0.02, 1.02);
        return Finish(plot, Accuracy, runs);
    }

    /// <summary>A line of the finite points, with markers, or dotted without them.</summary>
    internal static void Line(Plot plot, IEnumerable<(double X, double Y)> points, Color color, string label, bool dotted)
    {
        var kept = points.Where(p => double.IsFinite(p.Y)).ToArray();
        if (kept.Length == 0) return;
        var line = plot.Add.Scatter(kept.Select(p => p.X).ToArray(), kept.Select(p => p.Y).ToArray(), color);
        line.LineWidth = 1.5f;
        line.MarkerSize = dotted ? 0 : 4;
        if (dotted) line.LinePattern = LinePattern.Dotted;
        line.LegendText = label;
    }

    private static Plot Finish(Plot plot, Figures.Kind kind, IReadOnlyList<RunRecord> runs)
    {
        plot.Title($"{runs[0].Key.Problem}: {kind.Title}");
        plot.YLabel(kind.YLabel);
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(.15);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }
}
