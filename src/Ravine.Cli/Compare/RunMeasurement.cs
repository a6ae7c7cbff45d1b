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
        var options = new MinimizeOptions
        {
            MaxOracleCalls = maxCalls,
            // The calls are the budget, the same for every method: no iteration limit may end a run before them.
            MaxIterations = long.MaxValue,
            // The distance costs an SVD per iteration on the factored problems and no profile needs it.
            RecordDistance = false,
            CancellationToken = cancellationToken,
        };
        MinimizeResult result;
        try
        {
            result = Minimizer.Minimize(instance, start, setting.Method.Create(setting.Arguments), options);
        }
        catch (ObjectiveException e) when (e.PartialResult is not null)
        {
            result = e.PartialResult;
        }
        var trace = result.Trace;
        var calls = new long?[targets.Count];
        var seconds = new double?[targets.Count];
        for (int t = 0; t < targets.Count; t++)
        {
            for (int row = 0; row < trace.Count; row++)
            {
                if (trace.Gap[row] <= targets[t])
                {
                    calls[t] = trace.OracleCalls[row];
                    seconds[t] = trace.Seconds[row];
                    break;
                }
            }
        }
        double optimal = instance.OptimalValue;
        // At the point of record, the one a user of the method would keep; a forward pass each, not oracle calls.
        var classifier = instance as IKnowsAccuracy;
        return new CompareRun
        {
            Method = setting.Method.Name,
            Problem = problem.Name,
            SeedIndex = seedIndex,
            Seed = seed,
            Setting = setting.Label,
            Dimension = instance.Dimension,
            StopReason = result.StopReason,
            OracleCalls = result.OracleCalls,
            Seconds = result.Elapsed.TotalSeconds,
            BestGap = result.BestValue - optimal,
            FinalGap = trace.Count > 0 ? trace.Gap[trace.Count - 1] : double.NaN,
            CallsToTarget = calls,
            SecondsToTarget = seconds,
            TrainAccuracy = classifier?.TrainAccuracy(result.X),
            TestAccuracy = classifier?.TestAccuracy(result.X),
        };
    }
}
