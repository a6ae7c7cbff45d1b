using Ravine.Cli.Experiments;
using Ravine.Optimization;

namespace Ravine.Cli.Compare;

/// <summary>
/// What one run of <c>compare</c> or <c>sweep</c> measured, read off its <see cref="RunRecord"/> (<see cref="From"/>):
/// where it stopped, the best gap it reached, and when (in oracle calls and wall seconds) it first reached each target
/// gap. The trace itself is not kept: a comparison holds thousands of runs.
/// </summary>
internal sealed record CompareRun
{
    /// <summary>The method's name.</summary>
    public required string Method { get; init; }
    /// <summary>The problem's name.</summary>
    public required string Problem { get; init; }
    /// <summary>Which seed of the problem, 0 for the first.</summary>
    public required int SeedIndex { get; init; }
    /// <summary>The seed of the instance (and of the start's perturbation, see <see cref="SeededStart"/>).</summary>
    public required ulong Seed { get; init; }
    /// <summary>The method's settings, as <see cref="MethodSetting.Label"/>.</summary>
    public required string Setting { get; init; }
    /// <summary>The number of variables n.</summary>
    public required int Dimension { get; init; }
    /// <summary>Why the run stopped.</summary>
    public required StopReason StopReason { get; init; }
    /// <summary>Oracle calls made, the start's evaluation included.</summary>
    public required long OracleCalls { get; init; }
    /// <summary>Wall seconds of the run.</summary>
    public required double Seconds { get; init; }
    /// <summary>The smallest f − f* seen (+∞ when no finite value was).</summary>
    public required double BestGap { get; init; }
    /// <summary>f − f* at the last point.</summary>
    public required double FinalGap { get; init; }
    /// <summary>Per target (in the plan's order): the oracle calls made when the gap first was ≤ the target, or null.</summary>
    public required IReadOnlyList<long?> CallsToTarget { get; init; }
    /// <summary>Per target: the wall seconds at that point, or null.</summary>
    public required IReadOnlyList<double?> SecondsToTarget { get; init; }

    /// <summary>On a problem that knows its accuracy: the fraction of training examples the point of record classifies correctly; else null.</summary>
    public double? TrainAccuracy { get; init; }
    /// <summary>On a problem that knows its accuracy: the fraction of test examples the point of record classifies correctly; else null.</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>True when the run blew up: f grew past the divergence bound, or a value, gradient or step was not finite.</summary>
    public bool Diverged => StopReason is StopReason.Diverged or StopReason.NonFiniteValue or StopReason.NonFiniteGradient or StopReason.NonFiniteStep;

    /// <summary>The cost of reaching target <paramref name="index"/> in oracle calls, +∞ when the run did not.</summary>
    public double Cost(int index) => CallsToTarget[index] is long calls ? calls : double.PositiveInfinity;

    /// <summary>What <c>compare</c> and <c>sweep</c> keep of <paramref name="run"/>: where it stopped, its best gap, and when it first reached each target.</summary>
    public static CompareRun From(RunRecord run, int seedIndex, MethodSetting setting, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(targets);
        var result = run.Result;
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
        return new CompareRun
        {
            Method = setting.Method.Name,
            Problem = run.Key.Problem,
            SeedIndex = seedIndex,
            Seed = run.Seed,
            Setting = setting.Label,
            Dimension = result.X.Length,
            StopReason = result.StopReason,
            OracleCalls = result.OracleCalls,
            Seconds = result.Elapsed.TotalSeconds,
            BestGap = result.BestValue - run.ProblemOptimalValue,
            FinalGap = trace.Count > 0 ? trace.Gap[trace.Count - 1] : double.NaN,
            CallsToTarget = calls,
            SecondsToTarget = seconds,
            // At the point of record, the one a user of the method would keep.
            TrainAccuracy = double.IsNaN(run.TrainAccuracy) ? null : run.TrainAccuracy,
            TestAccuracy = double.IsNaN(run.TestAccuracy) ? null : run.TestAccuracy,
        };
    }
}
