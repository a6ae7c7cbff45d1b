using Ravine.Cli.Experiments;

namespace Ravine.Cli.Compare;

/// <summary>A whole comparison as written to <c>summary.json</c>: the plan, the machine, and one row per method × problem.</summary>
internal sealed record CompareSummary : ResultsHeader
{
    /// <summary>The first seed; seed i is FirstSeed + i.</summary>
    public required ulong FirstSeed { get; init; }
    /// <summary>Seeds per problem.</summary>
    public required int Seeds { get; init; }
    /// <summary>Oracle calls per run.</summary>
    public required long MaxCalls { get; init; }
    /// <summary>The target gaps f − f*, loosest first.</summary>
    public required IReadOnlyList<double> Targets { get; init; }
    /// <summary>The stepsize grid of <c>--tune</c>, or null without it.</summary>
    public IReadOnlyList<double>? TuningStepsizes { get; init; }
    /// <summary>The grid of required counts (K) of <c>--tune</c>, or null without it.</summary>
    public IReadOnlyList<double>? TuningCounts { get; init; }
    /// <summary>True when the comparison was interrupted before every run finished.</summary>
    public required bool Cancelled { get; init; }
    /// <summary>One row per method × problem, problem-major.</summary>
    public required IReadOnlyList<MethodProblemSummary> Entries { get; init; }
}

/// <summary>One method on one problem over all seeds.</summary>
internal sealed record MethodProblemSummary
{
    /// <summary>The method.</summary>
    public required string Method { get; init; }
    /// <summary>The problem.</summary>
    public required string Problem { get; init; }
    /// <summary>Whether the problem's minimizers are degenerate (false for the controls).</summary>
    public required bool Degenerate { get; init; }
    /// <summary>"needs --eta" and the like when the method could not run at its defaults; null when it ran.</summary>
    public string? NeedsTuning { get; init; }
    /// <summary>The setting reported (with <c>--tune</c>: the best of the grid).</summary>
    public string? Setting { get; init; }
    /// <summary>How many settings were tried: 1, or the grid's size.</summary>
    public required int SettingsTried { get; init; }
    /// <summary>Runs of the reported setting that finished (one per seed unless interrupted).</summary>
    public required int Runs { get; init; }
    /// <summary>Per target, loosest first.</summary>
    public required IReadOnlyList<TargetSummary> Targets { get; init; }
    /// <summary>The median over seeds of the best gap reached (NaN when nothing ran).</summary>
    public required double BestGapMedian { get; init; }
    /// <summary>The smallest best gap over seeds.</summary>
    public required double BestGapMin { get; init; }
    /// <summary>Runs that diverged (f beyond the divergence bound, or a non-finite value, gradient or step).</summary>
    public required int Diverged { get; init; }
    /// <summary>The median over seeds of the oracle calls the other grid settings spent (0 without tuning).</summary>
    public required double TuningCallsMedian { get; init; }
    /// <summary>The stop reasons of the reported runs with their counts, e.g. "MaxOracleCalls 8, Diverged 2".</summary>
    public required string StopReasons { get; init; }
    /// <summary>On a problem that knows its accuracy: the median over seeds of the training accuracy at the point of record; else null.</summary>
    public double? TrainAccuracyMedian { get; init; }
    /// <summary>On a problem that knows its accuracy: the median over seeds of the test accuracy at the point of record; else null.</summary>
    public double? TestAccuracyMedian { get; init; }
}

/// <summary>How one method did against one target gap on one problem.</summary>
internal sealed record TargetSummary
{
    /// <summary>The target gap.</summary>
    public required double Target { get; init; }
    /// <summary>Runs whose gap reached the target within the budget.</summary>
    public required int Solved { get; init; }
    /// <summary>Solved / runs (0 when nothing ran).</summary>
    public required double SuccessRate { get; init; }
    /// <summary>Oracle calls to the target over the runs that reached it (NaN when none did).</summary>
    public required Quartiles Calls { get; init; }
    /// <summary>Wall seconds to the target over the runs that reached it.</summary>
    public required Quartiles Seconds { get; init; }
}
