using Ravine.Cli.Experiments;

namespace Ravine.Cli.Training;

/// <summary><c>ravine train</c>'s <c>summary.json</c>: the header every results file has, the plan, each run's summary and the table.</summary>
public sealed record TrainingSummary : ResultsHeader
{
    /// <summary>The model trained.</summary>
    public required string Model { get; init; }
    /// <summary>Whether the command was interrupted before every run finished.</summary>
    public required bool Cancelled { get; init; }
    /// <summary>The options every run shared.</summary>
    public required object Plan { get; init; }
    /// <summary>The finished runs (and an interrupted one's state so far).</summary>
    public required IReadOnlyList<object> Runs { get; init; }
    /// <summary>The table's header.</summary>
    public required IReadOnlyList<string> TableHeader { get; init; }
    /// <summary>The table's rows, one per method.</summary>
    public required IReadOnlyList<string[]> Table { get; init; }
}
