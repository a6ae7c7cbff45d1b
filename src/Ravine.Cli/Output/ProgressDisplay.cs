using System.Collections.Concurrent;
using Ravine.Cli.Experiments;
using Spectre.Console;

namespace Ravine.Cli.Output;

/// <summary>A Spectre.Console progress display with one task per run, showing each run's current gap.</summary>
internal sealed class ProgressDisplay : IExperimentObserver
{
    private readonly ConcurrentDictionary<ExperimentKey, ProgressTask> _tasks = new();

    private ProgressDisplay() { }

    /// <summary>
    /// Shows a task for each of <paramref name="keys"/> while <paramref name="work"/> runs with this display as its
    /// observer; returns what the work returns. With no <paramref name="console"/> the work runs unobserved.
    /// </summary>
    public static T Run<T>(IAnsiConsole? console, IReadOnlyList<ExperimentKey> keys, Func<IExperimentObserver, T> work)
    {
        if (console is null) return work(ExperimentObservers.Combine());
        var display = new ProgressDisplay();
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                foreach (var key in keys)
                    display._tasks[key] = context.AddTask(Describe(key, "waiting"), autoStart: false, maxValue: 1);
                return work(display);
            });
    }

    public void RunStarted(ExperimentKey key, long iterationBudget)
    {
        var task = _tasks[key];
        task.MaxValue = Math.Max(1, iterationBudget);
        task.StartTask();
    }

    public void Progress(ExperimentKey key, long iteration, double gap)
    {
        var task = _tasks[key];
        task.Value = iteration;
        // With f* unknown (noisy data) there is no gap to show, only how far the run is.
        task.Description = Describe(key, double.IsNaN(gap) ? $"iteration {Numbers.Integer(iteration)}" : $"gap {Numbers.Sci(gap)}");
    }

    public void RunFinished(RunRecord run)
    {
        var task = _tasks[run.Key];
        task.Description = Describe(run.Key, $"{(double.IsNaN(run.FinalGap) ? $"f {Numbers.Sci(run.Result.FinalValue)}" : $"gap {Numbers.Sci(run.FinalGap)}")}  {run.Result.StopReason}");
        task.Value = task.MaxValue;
        task.StopTask();
    }

    private static string Describe(ExperimentKey key, string state) => Markup.Escape($"{key.Problem,-22} {key.Method,-9} {state}");
}
