namespace Ravine.Cli.Experiments;

/// <summary>What <c>ravine bench</c> writes to its JSON file: the timings and the machine they were taken on.</summary>
public sealed record BenchReport
{
    /// <summary>Ravine's version.</summary>
    public required string Version { get; init; }
    /// <summary>The command line that made the timings.</summary>
    public required string CommandLine { get; init; }
    /// <summary>The seed of every instance.</summary>
    public required ulong Seed { get; init; }
    /// <summary>True when the runs used the quick (smoke-test) budgets.</summary>
    public required bool Quick { get; init; }
    /// <summary>Repetitions of each run.</summary>
    public required int Repetitions { get; init; }
    /// <summary>When the timing started (UTC).</summary>
    public required DateTimeOffset StartedUtc { get; init; }
    /// <summary>The machine it ran on.</summary>
    public required MachineInfo Machine { get; init; }
    /// <summary>Every problem × method, in plan order.</summary>
    public required IReadOnlyList<TimedRun> Runs { get; init; }
    /// <summary>The sum of the median times: what the runs take one after another on one core.</summary>
    public double TotalMedianSeconds => Runs.Sum(r => r.MedianSeconds);
}
