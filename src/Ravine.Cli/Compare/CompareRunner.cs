using Ravine.Cli.Experiments;

namespace Ravine.Cli.Compare;

/// <summary>
/// Runs every entry × setting × seed of a comparison on all processors. Each run generates its own instance and
/// method state, so the numbers of every run are bit-identical whatever the number of threads; only the seconds differ.
/// </summary>
internal static class CompareRunner
{
    /// <summary>One run to do: a setting of an entry on one seed.</summary>
    public sealed record RunTask(int Entry, int Setting, int SeedIndex);

    /// <summary>
    /// Runs the plan. The result is indexed [entry][setting][seed]; a run skipped after cancellation is null (runs
    /// under way stop as cancelled). <paramref name="finished"/> is called from worker threads after each run.
    /// </summary>
    public static CompareRun?[][][] Run(ComparePlan plan, IReadOnlyList<CompareEntry> entries, Action<CompareRun>? finished = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(entries);
        var perturb = entries.Select(e => e.Problem).Distinct()
            .ToDictionary(p => p.Name, p => SeededStart.PerturbedStarts(p, plan.FirstSeed));
        var results = entries.Select(e => e.Settings.Select(_ => new CompareRun?[plan.Seeds]).ToArray()).ToArray();
        var tasks = Tasks(plan, entries);
        var runs = RunScheduler.Run(tasks, plan.MaxParallelRuns, (task, cancellation) =>
        {
            var entry = entries[task.Entry];
            return RunMeasurement.Run(entry.Problem, plan.Seed(task.SeedIndex), task.SeedIndex,
                perturb[entry.Problem.Name](task.SeedIndex), entry.Settings[task.Setting], plan.MaxCalls, plan.Targets, cancellation);
        }, finished, cancellationToken);
        for (int i = 0; i < tasks.Count; i++)
            results[tasks[i].Entry][tasks[i].Setting][tasks[i].SeedIndex] = runs[i];
        return results;
    }

    /// <summary>Every run of the plan, in entry, setting, seed order.</summary>
    public static IReadOnlyList<RunTask> Tasks(ComparePlan plan, IReadOnlyList<CompareEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(entries);
        return entries.SelectMany((e, i) => e.Settings.SelectMany((_, s) => Enumerable.Range(0, plan.Seeds).Select(k => new RunTask(i, s, k)))).ToArray();
    }
}
