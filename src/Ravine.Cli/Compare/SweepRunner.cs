using Ravine.Cli.Experiments;

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
        var perturb = SeededStart.PerturbedStarts(plan.Problem, plan.FirstSeed);
        // Cell-major, seed-minor: run i is seed i % Seeds of cell i / Seeds.
        var runs = RunScheduler.Run(Enumerable.Range(0, rows * columns * plan.Seeds).ToArray(), plan.MaxParallelRuns, (i, cancellation) =>
        {
            int cell = i / plan.Seeds, k = i % plan.Seeds;
            return RunMeasurement.Run(plan.Problem, unchecked(plan.FirstSeed + (ulong)k), k, perturb(k), settings[cell],
                plan.MaxCalls, [plan.Target], cancellation);
        }, finished is null ? null : _ => finished(), cancellationToken);
        return settings.Select((s, cell) => new SweepCell(cell % columns, cell / columns, s,
            runs.Skip(cell * plan.Seeds).Take(plan.Seeds).OfType<CompareRun>().ToArray())).ToArray();
    }
}
