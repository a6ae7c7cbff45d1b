using System.Globalization;
using Ravine.Cli.Compare;
using ScottPlot;

namespace Ravine.Cli.Output;

/// <summary>
/// The heatmaps of <c>ravine sweep</c>: one coloured, labelled cell per setting, for the best gap and for the oracle
/// calls to the target (log colour scale, darker is better; grey cells never reached the target). Drawn as rectangles
/// rather than a bitmap so that the SVG stays vector and every cell carries its number.
/// </summary>
internal static class SweepFigures
{
    public static readonly Figures.Kind BestGap = new("best-gap", "best gap reached", "f − f*");
    public static readonly Figures.Kind Calls = new("calls-to-target", "oracle calls to the target", "oracle calls");

    public static IReadOnlyList<Figures.Rendered> Render(SweepPlan plan, IReadOnlyList<SweepCell> cells)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(cells);
        return
        [
            Draw(plan, cells, BestGap, c => c.BestGap, v => v <= 0 ? "≤ 0" : Numbers.Sci(v).Replace("e", "e", StringComparison.Ordinal)),
            Draw(plan, cells, Calls with { Title = $"oracle calls to f − f* ≤ {ProfileFigures.TargetText(plan.Target)}" }, c => c.Calls, v => Numbers.Integer((long)v)),
        ];
    }

    private static Figures.Rendered Draw(SweepPlan plan, IReadOnlyList<SweepCell> cells, Figures.Kind kind, Func<SweepCell, double> value, Func<double, string> label)
    {
        var values = cells.Select(value).ToArray();
        var logs = values.Where(v => v > 0 && double.IsFinite(v)).Select(Math.Log10).ToArray();
        double low = logs.Length > 0 ? logs.Min() : 0, high = logs.Length > 0 ? logs.Max() : 1;
        var colormap = new ScottPlot.Colormaps.Viridis();
        var plot = new Plot();
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            double v = values[i];
            bool missing = cell.Runs.Count == 0 || double.IsNaN(v) || double.IsPositiveInfinity(v);
            // Small is good for both maps: the smallest value gets Viridis' dark end, so a dark cell is a good setting.
            double position = missing ? 0 : v <= 0 ? 0 : high > low ? (Math.Log10(v) - low) / (high - low) : 0.5;
            var colour = missing ? Colors.LightGray : colormap.GetColor(position);
            var rectangle = plot.Add.Rectangle(cell.X - 0.5, cell.X + 0.5, cell.Y - 0.5, cell.Y + 0.5);
            rectangle.FillColor = colour;
            rectangle.LineColor = Colors.White;
            rectangle.LineWidth = 1;
            string text = cell.Runs.Count == 0 ? "not run" : missing ? (cell.Diverged > 0 ? "diverged" : "not reached") : label(v);
            if (cell.Diverged > 0 && !missing) text += " (div)";
            var annotation = plot.Add.Text(text, cell.X, cell.Y);
            annotation.LabelFontSize = 13;
            annotation.LabelFontColor = missing || position > 0.6 ? Colors.Black : Colors.White;
            annotation.LabelAlignment = Alignment.MiddleCenter;
        }
        plot.Axes.Bottom.TickGenerator = Ticks(plan.X.Values);
        plot.XLabel(plan.X.Key);
        if (plan.Y is { } y)
        {
            plot.Axes.Left.TickGenerator = Ticks(y.Values);
            plot.YLabel(y.Key);
        }
        else
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        }
        plot.Axes.SetLimits(-0.5, plan.X.Values.Count - 0.5, -0.5, (plan.Y?.Values.Count ?? 1) - 0.5);
        plot.Grid.IsVisible = false;
        plot.Title($"{plan.Method.Name} on {plan.Problem.Name}: {kind.Title} (median of {plan.Seeds} seed{(plan.Seeds == 1 ? "" : "s")}, {Numbers.Integer(plan.MaxCalls)} calls)");
        return new Figures.Rendered(kind, FigureImage.Png(plot), FigureImage.Svg(plot));
    }

    private static ScottPlot.TickGenerators.NumericManual Ticks(IReadOnlyList<double> values)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < values.Count; i++) ticks.AddMajor(i, values[i].ToString("G4", CultureInfo.InvariantCulture));
        return ticks;
    }
}
