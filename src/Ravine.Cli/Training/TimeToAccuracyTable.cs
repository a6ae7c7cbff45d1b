using System.Globalization;
using Ravine.Cli.Output;
using Ravine.Training;

namespace Ravine.Cli.Training;

/// <summary>
/// The table over methods and seeds: final test accuracy (mean and range over seeds), epochs and seconds until the test
/// accuracy first reaches each target (median over the seeds that reached it, and how many did), and divergences. For
/// a model that is not a classifier, the final test loss instead of accuracies.
/// </summary>
internal static class TimeToAccuracyTable
{
    /// <summary>The test accuracies the table times.</summary>
    public static readonly double[] Targets = [0.85, 0.88, 0.90];

    public static IReadOnlyList<string> Header(bool classifier) => classifier
        ? ["method", "seeds", "final test accuracy (mean, min–max)", .. Targets.Select(t => $"epochs to {Percent(t)}"), .. Targets.Select(t => $"seconds to {Percent(t)}"), "divergences"]
        : ["method", "seeds", "final test loss (mean, min–max)", "seconds (mean)", "divergences"];

    /// <summary>A row per method over its finished runs: an interrupted run's last epoch is not its final one.</summary>
    public static IEnumerable<string[]> Rows(IReadOnlyList<TrainingRunOutcome> runs, bool classifier) =>
        runs.Where(r => r.Result.StopReason != TrainingStopReason.Cancelled).GroupBy(r => r.Method).Select(group =>
        {
            var g = group.ToArray();
            string divergences = g.Count(r => r.Diverged).ToString(CultureInfo.InvariantCulture);
            string seeds = g.Length.ToString(CultureInfo.InvariantCulture);
            if (!classifier)
                return new[] { group.Key, seeds, Spread(g.Select(r => r.FinalTest.Loss), Numbers.Sci), Numbers.Seconds(g.Average(r => r.Result.Rows[^1].Seconds)), divergences };
            var reached = Targets.Select(t => g.Select(r => r.Reached(t)).OfType<(int Epoch, double Seconds)>().ToArray()).ToArray();
            return
            [
                group.Key, seeds, Spread(g.Select(r => r.FinalTest.Accuracy), v => (100 * v).ToString("0.00", CultureInfo.InvariantCulture) + "%"),
                .. reached.Select(r => Median(r.Select(x => (double)x.Epoch), v => v.ToString("0.#", CultureInfo.InvariantCulture), r.Length, g.Length)),
                .. reached.Select(r => Median(r.Select(x => x.Seconds), v => v.ToString("0", CultureInfo.InvariantCulture), r.Length, g.Length)),
                divergences,
            ];
        });

    private static string Percent(double share) => (100 * share).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Spread(IEnumerable<double> values, Func<double, string> format)
    {
        var v = values.ToArray();
        return v.Length == 1 ? format(v[0]) : $"{format(v.Average())} ({format(v.Min())}–{format(v.Max())})";
    }

    private static string Median(IEnumerable<double> values, Func<double, string> format, int reached, int total)
    {
        if (reached == 0) return $"— (0/{total})";
        double median = Median(values);
        return reached == total ? format(median) : $"{format(median)} ({reached}/{total})";
    }

    /// <summary>The median of the values that are not NaN; NaN when there are none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
