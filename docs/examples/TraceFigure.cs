using Ravine.Optimization;
using ScottPlot;

namespace Ravine.Examples;

/// <summary>
/// A figure of a run from the library, drawn with ScottPlot (the package `ScottPlot`, which your project references;
/// the Ravine package does not): f − f* against the iteration on a log scale, as ravine's gap.png.
/// </summary>
public static class TraceFigure
{
    /// <summary>Saves the gap of <paramref name="trace"/> as a PNG of 800 × 500 pixels.</summary>
    public static void SaveGap(Trace trace, string pngPath)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int row = 0; row < trace.Count; row++)
            if (trace.Gap[row] > 0)
            {
                xs.Add(trace.Iteration[row]);
                ys.Add(Math.Log10(trace.Gap[row]));    // a log axis is log10 of the values with 1eN labels
            }
        var plot = new Plot();
        plot.Add.Scatter(xs.ToArray(), ys.ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => $"1e{Math.Round(y):0}",
        };
        plot.XLabel("iteration");
        plot.YLabel("f − f* (log scale)");
        plot.SavePng(pngPath, 800, 500);
    }
}
