using Ravine.Optimization;

namespace Ravine.Cli.Compare;

/// <summary>
/// What one run of <c>compare</c> or <c>sweep</c> measured: where it stopped, the best gap it reached, and when (in
/// oracle calls and wall seconds) it first reached each target gap. The trace itself is not kept.
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
}
