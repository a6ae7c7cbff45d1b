using Ravine.Objectives;
using Ravine.Problems;

namespace Ravine.Cli.Experiments;

/// <summary>
/// Times an <see cref="ExperimentPlan"/>: each problem × method is run <c>repetitions</c> times, one run at a time so
/// that each has a core to itself, exactly as <see cref="Runner.RunOne"/> runs it (trace and distance
/// recorded, no files written), and summarized by the median wall time. Before its timed runs each problem × method
/// is run once untimed at the quick budget, so that JIT compilation is not timed.
/// </summary>
public static class ExperimentTiming
{
    /// <summary>
    /// Times the plan's runs in plan order. <paramref name="progress"/>, if given, is told before each repetition
    /// (key, repetition from 1). Cancellation stops after the current run and returns the runs fully timed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="repetitions"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The plan names an unknown problem or method.</exception>
    public static IReadOnlyList<TimedRun> Time(ExperimentPlan plan, int repetitions, Action<ExperimentKey, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var timed = new List<TimedRun>();
        foreach (var key in plan.Keys())
        {
            Runner.RunOne(plan with { Quick = true }, key, cancellationToken: cancellationToken);
            // One run at a time, so that each has a core to itself.
            var runs = RunScheduler.Run(Enumerable.Range(1, repetitions).ToArray(), maxParallelRuns: 1, (repetition, cancellation) =>
            {
                progress?.Invoke(key, repetition);
                return Runner.RunOne(plan, key, cancellationToken: cancellation);
            }, cancellationToken: cancellationToken);
            if (cancellationToken.IsCancellationRequested) return timed;
            var problem = ProblemRegistry.Generate(key.Problem, plan.Seed);
            timed.Add(TimedRun.From([.. runs.OfType<RunRecord>()], problem is IKnowsOracleFlops flops ? flops.OracleFlops : double.NaN));
        }
        return timed;
    }
}
