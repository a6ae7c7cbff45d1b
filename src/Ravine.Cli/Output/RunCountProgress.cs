using Spectre.Console;

namespace Ravine.Cli.Output;

/// <summary>
/// One progress bar that counts finished runs (compare, sweep), where the status output has room for it: on the
/// terminal (cleared at the end), on stderr when stdout is piped, nowhere when both are; never with JSON, which a
/// script reads.
/// </summary>
internal static class RunCountProgress
{
    /// <summary>Runs <paramref name="work"/>, handing it what to call after each run (null when nothing is shown).</summary>
    public static T Run<T>(StatusOutput status, ConsoleFormat format, int total, Func<Action?, T> work)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(work);
        if (format == ConsoleFormat.Json || status.Progress is null) return work(null);
        return status.Progress.Progress().AutoClear(true).Start(progress =>
        {
            var task = progress.AddTask(Markup.Escape($"{total} runs"), maxValue: Math.Max(1, total));
            return work(() => task.Increment(1));
        });
    }
}
