using System.Text.Json.Serialization;

namespace Ravine.Cli.Experiments;

/// <summary>What <c>ravine bench</c> writes to its JSON file: the timings and the machine they were taken on.</summary>
public sealed record BenchReport : ResultsHeader
{
    /// <summary>The seed of every instance.</summary>
    [JsonPropertyOrder(Lead)]
    public required ulong Seed { get; init; }
    /// <summary>True when the runs used the quick (smoke-test) budgets.</summary>
    [JsonPropertyOrder(Lead)]
    public required bool Quick { get; init; }
    /// <summary>Repetitions of each run.</summary>
    [JsonPropertyOrder(Lead)]
    public required int Repetitions { get; init; }
    /// <summary>Every problem × method, in plan order.</summary>
    public required IReadOnlyList<TimedRun> Runs { get; init; }
    /// <summary>The sum of the median times: what the runs take one after another on one core.</summary>
    public double TotalMedianSeconds => Runs.Sum(r => r.MedianSeconds);
}
