using System.Diagnostics;

namespace Ravine.Cli.Experiments;

/// <summary>When a command started and how long it has run: the times of its <see cref="ResultsHeader"/>.</summary>
internal readonly struct CommandClock
{
    private readonly long _timestamp;

    private CommandClock(DateTimeOffset startedUtc, long timestamp) => (StartedUtc, _timestamp) = (startedUtc, timestamp);

    /// <summary>A clock started now.</summary>
    public static CommandClock Start() => new(DateTimeOffset.UtcNow, Stopwatch.GetTimestamp());

    /// <summary>When the clock started (UTC).</summary>
    public DateTimeOffset StartedUtc { get; }

    /// <summary>Wall-clock seconds since the start.</summary>
    public double Seconds => Stopwatch.GetElapsedTime(_timestamp).TotalSeconds;
}
