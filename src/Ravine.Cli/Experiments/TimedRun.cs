namespace Ravine.Cli.Experiments;

/// <summary>
/// The timing of one problem × method of an experiment over several repetitions, read off their
/// <see cref="RunRecord"/>s (<see cref="From"/>): the wall time of the shared loop (trace and distance included, as
/// <c>reproduce</c> runs it), and the oracle throughput it implies.
/// </summary>
public sealed record TimedRun
{
    /// <summary>The problem's name.</summary>
    public required string Problem { get; init; }
    /// <summary>The method's command-line name.</summary>
    public required string Method { get; init; }
    /// <summary>How many times the run was repeated.</summary>
    public required int Repetitions { get; init; }
    /// <summary>Iterations of one run (every repetition takes the same, the runs being deterministic).</summary>
    public required int Iterations { get; init; }
    /// <summary>Oracle calls of one run, counting the start.</summary>
    public required long OracleCalls { get; init; }
    /// <summary>The median wall time of a run, in seconds.</summary>
    public required double MedianSeconds { get; init; }
    /// <summary>The fastest run, in seconds.</summary>
    public required double MinSeconds { get; init; }
    /// <summary>The slowest run, in seconds (the first often carries the JIT compilation).</summary>
    public required double MaxSeconds { get; init; }
    /// <summary>Every repetition's wall time, in seconds, in the order they ran.</summary>
    public required IReadOnlyList<double> Seconds { get; init; }
    /// <summary>Oracle calls per second at the median time.</summary>
    public double OracleCallsPerSecond => OracleCalls / MedianSeconds;
    /// <summary>Floating-point operations of one oracle call; NaN when the problem does not state it.</summary>
    public required double OracleFlops { get; init; }
    /// <summary>
    /// Oracle GFLOP/s at the median time (NaN when the flops are unknown). The whole loop is timed, so this is a lower
    /// bound on the oracle's own rate.
    /// </summary>
    public double GflopsPerSecond => OracleFlops * OracleCalls / MedianSeconds / 1e9;

    /// <summary>The timing of <paramref name="repetitions"/>, runs of one problem × method that differ only in their seconds.</summary>
    /// <param name="repetitions">The runs, in the order they ran (at least one).</param>
    /// <param name="oracleFlops">Floating-point operations of one oracle call of the problem; NaN when it does not state them.</param>
    public static TimedRun From(IReadOnlyList<RunRecord> repetitions, double oracleFlops)
    {
        ArgumentNullException.ThrowIfNull(repetitions);
        ArgumentOutOfRangeException.ThrowIfZero(repetitions.Count);
        var seconds = repetitions.Select(r => r.WallTime.TotalSeconds).ToArray();
        var sorted = seconds.Order().ToArray();
        var run = repetitions[^1];
        return new TimedRun
        {
            Problem = run.Key.Problem,
            Method = run.Key.Method,
            Repetitions = repetitions.Count,
            Iterations = checked((int)run.Result.Iterations),
            OracleCalls = run.OracleCalls,
            MedianSeconds = Compare.Quartiles.Of(sorted).Median,
            MinSeconds = sorted[0],
            MaxSeconds = sorted[^1],
            Seconds = seconds,
            OracleFlops = oracleFlops,
        };
    }
}
