using System.Globalization;
using Ravine.Cli.Compare;
using ScottPlot;

namespace Ravine.Cli.Output;

/// <summary>
/// The figures of <c>ravine compare</c>: per target gap, the performance profile (Dolan–Moré) and the data profile
/// (Moré–Wild), one step curve per method in the registry's colours. PNG and SVG, like <see cref="Figures"/>.
/// </summary>
internal static class ProfileFigures
{
    /// <summary>"1e-10": how a target appears in file names and titles.</summary>
    public static string TargetText(double target) => target.ToString("0.##e+0", CultureInfo.InvariantCulture).Replace("e+", "e", StringComparison.Ordinal);

    /// <summary>The performance and the data profile of one target.</summary>
    public static IReadOnlyList<Figures.Rendered> Render(ProfileData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        string target = TargetText(data.Target);
        string cost = data.TuningCounted ? "oracle calls, tuning included" : "oracle calls";
        var ratios = data.Ratios();
        var performance = Draw(
            new Figures.Kind($"performance-profile-{target}", $"performance profile, f − f* ≤ {target}", "fraction of instances"),
            data.Methods.Select((_, s) => PerformanceProfile.Steps(ratios, s)).ToArray(),
            $"τ: within this factor of the best method's {cost} (log₂ scale)", 2);
        var dataProfile = Draw(
            new Figures.Kind($"data-profile-{target}", $"data profile, f − f* ≤ {target}", "fraction of instances"),
            data.Methods.Select((_, s) => DataProfile.Steps(data.Cost, data.Dimensions, s)).ToArray(),
            $"α: budget in units of n + 1 {cost} (log₁₀ scale)", 10);
        return [Finish(performance.Plot, performance.Kind), Finish(dataProfile.Plot, dataProfile.Kind)];

        (Plot Plot, Figures.Kind Kind) Draw(Figures.Kind kind, IReadOnlyList<(double At, double Fraction)>[] steps, string xLabel, double logBase)
        {
            var finite = steps.SelectMany(s => s).Select(p => Math.Log(p.At, logBase)).ToArray();
            double left = logBase == 2 ? 0 : finite.Length == 0 ? 0 : Math.Floor(finite.Min() * 10) / 10 - 0.1;
            double right = finite.Length == 0 ? left + 1 : Math.Max(left + 1, finite.Max() + 0.05 * (finite.Max() - left) + 0.05);
            var plot = new Plot();
            var palette = new ScottPlot.Palettes.Category10();
            for (int s = 0; s < steps.Length; s++)
            {
                var (xs, ys) = Staircase(steps[s], left, right, logBase);
                var line = plot.Add.Scatter(xs, ys, palette.GetColor(s));
                line.LineWidth = 2;
                line.MarkerSize = 0;
                // Methods that never reach the target lie on the axis; dashes tell the overlapping curves apart.
                if (s >= 10) line.LinePattern = LinePattern.Dashed;
                line.LegendText = data.Methods[s];
            }
            plot.Title($"{kind.Title} ({data.Instances.Count} instances)");
            plot.XLabel(xLabel);
            plot.YLabel(kind.YLabel);
            plot.Axes.SetLimits(left, right, -0.02, 1.02);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                IntegerTicksOnly = true,
                LabelFormatter = x => Tick(Math.Pow(logBase, x)),
            };
            plot.Grid.MajorLineColor = Colors.Black.WithOpacity(.15);
            // Outside the axes: the curves end at the right edge, where a legend inside would hide them.
            plot.ShowLegend(Edge.Right);
            return (plot, kind);
        }
    }

    private static string Tick(double value) =>
        value is >= 0.01 and < 10_000 ? value.ToString("G4", CultureInfo.InvariantCulture) : value.ToString("0e0", CultureInfo.InvariantCulture);

    /// <summary>The step function from (left, 0) through each breakpoint to (right, last fraction), in log coordinates.</summary>
    private static (double[] Xs, double[] Ys) Staircase(IReadOnlyList<(double At, double Fraction)> steps, double left, double right, double logBase)
    {
        var xs = new List<double> { left };
        var ys = new List<double> { 0 };
        double level = 0;
        foreach (var (at, fraction) in steps)
        {
            double x = Math.Max(left, Math.Log(at, logBase));
            xs.Add(x); ys.Add(level);
            xs.Add(x); ys.Add(fraction);
            level = fraction;
        }
        xs.Add(right); ys.Add(level);
        return (xs.ToArray(), ys.ToArray());
    }

    private static Figures.Rendered Finish(Plot plot, Figures.Kind kind)
    {
        return new Figures.Rendered(kind, FigureImage.Png(plot), FigureImage.Svg(plot));
    }
}
