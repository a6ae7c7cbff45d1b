using Ravine.Cli.Experiments;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Cli.Compare;

/// <summary>One run of a method on a seeded instance within an oracle-call budget, reduced to a <see cref="CompareRun"/>.</summary>
internal static class RunMeasurement
{
    /// <summary>
    /// Runs <paramref name="setting"/> on seed <paramref name="seedIndex"/> of <paramref name="problem"/> (a fresh
    /// instance, so runs on other threads share nothing) until <paramref name="maxCalls"/> oracle calls, a stop of the
    /// method's own, or cancellation. Runs do not stop at the targets: the best gap within the budget is reported too.
    /// </summary>
    public static CompareRun Run(ProblemDescriptor problem, ulong seed, int seedIndex, bool perturbStart, MethodSetting setting,
        long maxCalls, IReadOnlyList<double> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(targets);
        var (instance, start) = SeededStart.Create(problem, seed, perturbStart);
        var spec = new RunSpec(new ExperimentKey(problem.Name, setting.Method.Name), instance, setting.Arguments, setting.Method.Create(setting.Arguments), seed,
            // The calls are the budget, the same for every method: no iteration limit may end a run before them.
            Budget: long.MaxValue)
        {
            Start = start,
            // The distance costs an SVD per iteration on the factored problems and no profile needs it.
            Stops = options => options with { MaxOracleCalls = maxCalls, RecordDistance = false },
        };
        RunRecord run;
        var finished = new FinishedRecord();
        try
        {
            run = Runner.Run(spec, finished, cancellationToken: cancellationToken);
        }
        catch (ObjectiveException e) when (e.PartialResult is not null)
        {
            run = finished.Record;
        }
        return CompareRun.From(run, seedIndex, setting, targets);
    }
}
