using System.Globalization;
using Ravine.Cli.Experiments;

namespace Ravine.Cli.Output;

/// <summary>
/// Warns on <paramref name="notes"/> (stderr) when a run's first iterations say that the rest will take longer than
/// <see cref="Threshold"/>, with how to stop it sooner: a run of 100,000 iterations at tens of milliseconds each must
/// not start silently.
/// </summary>
internal sealed class TimeEstimateNotice(TextWriter notes) : IExperimentObserver
{
    /// <summary>Runs expected to take less than this get no notice.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromMinutes(1);

    public void RunStarted(ExperimentKey key, long iterationBudget) { }

    public void Progress(ExperimentKey key, long iteration, double gap) { }

    public void Estimated(ExperimentKey key, long iterations, TimeSpan elapsed, long remaining)
    {
        if (iterations <= 0 || remaining <= 0) return;
        double each = elapsed.TotalSeconds / iterations;
        var rest = TimeSpan.FromSeconds(each * remaining);
        if (rest < Threshold) return;
        notes.WriteLine($"ravine: {key}: about {Span(rest)} more for the {Numbers.Integer(remaining)} iterations left to its limit ({Each(each)} each over the first {Numbers.Integer(iterations)}), unless a tolerance stops it first; --max-iters, --time-limit or --gap-tolerance stop it sooner, and Ctrl+C stops it so that --resume continues it.");
    }

    public void RunFinished(RunRecord run) { }

    private static string Span(TimeSpan span) => span.TotalHours >= 1
        ? $"{span.TotalHours.ToString("0.0", CultureInfo.InvariantCulture)} h"
        : $"{Math.Ceiling(span.TotalMinutes).ToString("0", CultureInfo.InvariantCulture)} min";

    private static string Each(double seconds) => seconds switch
    {
        >= 1 => $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
        >= 1e-3 => $"{(seconds * 1e3).ToString("0.#", CultureInfo.InvariantCulture)} ms",
        _ => $"{(seconds * 1e6).ToString("0.#", CultureInfo.InvariantCulture)} µs",
    };
}
