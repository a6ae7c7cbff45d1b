using Ravine.Cli.Output;
using ScottPlot;

namespace Ravine.Cli.Training;

/// <summary>
/// The figures of a <c>ravine train</c>: test and validation accuracy (for a classifier) and training and test loss,
/// each against epochs and against seconds, one colour per method and seed.
/// </summary>
internal static class TrainingFigures
{
    public static readonly Figures.Kind AccuracyByEpoch = new("accuracy-epochs", "accuracy by epoch", "accuracy");
    public static readonly Figures.Kind AccuracyBySeconds = new("accuracy-seconds", "accuracy by time", "accuracy");
    public static readonly Figures.Kind LossByEpoch = new("loss-epochs", "loss by epoch", "loss");
    public static readonly Figures.Kind LossBySeconds = new("loss-seconds", "loss by time", "loss");

    /// <summary>Draws and writes the figures into <paramref name="folder"/>; the kinds written.</summary>
    public static IReadOnlyList<Figures.Kind> Write(string folder, string model, IReadOnlyList<TrainingRunOutcome> runs, bool classifier)
    {
        var kinds = classifier ? new[] { AccuracyByEpoch, AccuracyBySeconds, LossByEpoch, LossBySeconds } : [LossByEpoch, LossBySeconds];
        var rendered = kinds.Select(kind =>
        {
            var plot = Draw(kind, model, runs);
            return new Figures.Rendered(kind, FigureImage.Png(plot), FigureImage.Svg(plot));
        }).ToArray();
        Figures.Write(rendered, folder);
        return kinds;
    }

    private static Plot Draw(Figures.Kind kind, string model, IReadOnlyList<TrainingRunOutcome> runs)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        bool bySeconds = kind == AccuracyBySeconds || kind == LossBySeconds, accuracy = kind == AccuracyByEpoch || kind == AccuracyBySeconds;
        for (int i = 0; i < runs.Count; i++)
        {
            var rows = runs[i].Result.Rows;
            double[] xs = rows.Select(r => bySeconds ? r.Seconds : r.Epoch).ToArray();
            string name = $"{runs[i].Method} seed {runs[i].Seed}";
            ObservationFigures.Line(plot, xs.Zip(rows.Select(r => accuracy ? r.Test.Accuracy : r.Training.Loss)), palette.GetColor(i), accuracy ? $"{name} test" : $"{name} training", dotted: false);
            ObservationFigures.Line(plot, xs.Zip(rows.Select(r => accuracy ? r.Validation.Accuracy : r.Test.Loss)), palette.GetColor(i), accuracy ? $"{name} validation" : $"{name} test", dotted: true);
        }
        plot.Title($"{model}: {kind.Title}");
        plot.XLabel(bySeconds ? "seconds" : "epoch");
        plot.YLabel(kind.YLabel);
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(.15);
        plot.ShowLegend(accuracy ? Alignment.LowerRight : Alignment.UpperRight);
        return plot;
    }
}
