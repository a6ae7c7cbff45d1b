using System.Reflection;
using System.Text.Json.Serialization;

namespace Ravine.Cli.Experiments;

/// <summary>
/// What every command's results file begins with: the version, the command line, when it started, how long it took and
/// the machine, so that a file read later says what made it. The summaries of <c>run</c>, <c>reproduce</c>,
/// <c>compare</c> and <c>bench</c> extend it.
/// </summary>
/// <remarks>
/// The property orders keep the files as they were written before the header was shared: a summary's own leading
/// fields (<see cref="Lead"/>) go between the command line and the start time, its other fields after the machine.
/// </remarks>
public abstract record ResultsHeader
{
    /// <summary>The JSON order of a summary's fields that go before <see cref="StartedUtc"/> (its seed, and the like).</summary>
    public const int Lead = -4;

    /// <summary>Ravine's version (informational version of the library).</summary>
    [JsonPropertyOrder(Lead - 2)]
    public string Version { get; init; } = LibraryVersion;
    /// <summary>The command line that made the results.</summary>
    [JsonPropertyOrder(Lead - 1)]
    public required string CommandLine { get; init; }
    /// <summary>When the command started (UTC).</summary>
    [JsonPropertyOrder(Lead + 1)]
    public required DateTimeOffset StartedUtc { get; init; }
    /// <summary>Wall-clock seconds of the whole command; absent where the file has its own times (<c>bench</c>).</summary>
    [JsonPropertyOrder(Lead + 2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? WallSeconds { get; init; }
    /// <summary>The machine it ran on.</summary>
    [JsonPropertyOrder(Lead + 3)]
    public MachineInfo Machine { get; init; } = MachineInfo.Current;

    /// <summary>The library's informational version.</summary>
    /// <remarks>Read from Ravine.dll, not from this assembly, whose attributes include Orleans' (from the sharding
    /// package): reading those would load Orleans into every command at start-up.</remarks>
    public static string LibraryVersion { get; } =
        typeof(Optimization.Minimizer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Optimization.Minimizer).Assembly.GetName().Version?.ToString() ?? "unknown";
}
