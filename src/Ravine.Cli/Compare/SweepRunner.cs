using System.Collections.Concurrent;

namespace Ravine.Cli.Compare;

/// <summary>Runs every cell × seed of a <see cref="SweepPlan"/> on all processors (each run on its own instance, as <see cref="CompareRunner"/>).</summary>
internal static class SweepRunner
{
    /// <summary>The cells, row by row (y outer, x inner); runs skipped after cancellation are missing from their cell.</summary>
    public static IReadOnlyList<SweepCell> Run(SweepPlan plan, Action? finished = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        int rows = plan.Y?.Values.Count ?? 1, columns = plan.X.Values.Count;
        var settings = Enumerable.Range(0, rows * columns).Select(i => plan.Cell(i % columns, i / columns)).ToArray();
        bool perturb = !SeededStart.SeedChangesStart(plan.Problem, plan.FirstSeed);
        var runs = new CompareRun?[rows * columns, plan.Seeds];
        var tasks = Enumerable.Range(0, rows * columns * plan.Seeds).ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = plan.MaxParallelRuns };
        Parallel.ForEach(Partitioner.Create(tasks, EnumerablePartitionerOptions.NoBuffering), options, i =>
        {
            if (cancellationToken.IsCancellationRequested) return;
            int cell = i / plan.Seeds, k = i % plan.Seeds;
            runs[cell, k] = RunMeasurement.Run(plan.Problem, unchecked(plan.FirstSeed + (ulong)k), k, perturb && k > 0, settings[cell],
                plan.MaxCalls, [plan.Target], cancellationToken);
            finished?.Invoke();
        });
        return settings.Select((s, cell) => new SweepCell(cell % columns, cell / columns, s,
            Enumerable.Range(0, plan.Seeds).Select(k => runs[cell, k]).OfType<CompareRun>().ToArray())).ToArray();
    }
}
