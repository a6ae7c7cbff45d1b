using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using Ravine.Cli.Paper;

namespace Ravine.Cli.Experiments;

/// <summary>The whole experiment as written to <c>summary.json</c>: every run, the claim checks, the machine and version.</summary>
public sealed record ExperimentSummary : ResultsHeader
{
    /// <summary>The seed of every instance.</summary>
    [JsonPropertyOrder(Lead)]
    public required ulong Seed { get; init; }
    /// <summary>True when the runs used the quick (smoke-test) budgets, not the published ones.</summary>
    [JsonPropertyOrder(Lead)]
    public required bool Quick { get; init; }
    /// <summary>True when the experiment was cancelled before every run finished.</summary>
    [JsonPropertyOrder(Lead)]
    public required bool Cancelled { get; init; }
    /// <summary>Every run, in plan order.</summary>
    public required IReadOnlyList<RunSummary> Runs { get; init; }
    /// <summary>The claim checks, per problem.</summary>
    public required IReadOnlyList<ClaimCheck> Claims { get; init; }
    /// <summary>What interrupted the experiment — "SIGINT", "SIGTERM" or "cancellation" — or null when nothing did.</summary>
    public string? InterruptedBy { get; init; }
    /// <summary>The settings of a single <c>ravine run</c> (as given, before defaults from the problem); null for <c>reproduce</c>.</summary>
    public RunSettings? Settings { get; init; }
    /// <summary>The points a <c>ravine run</c> returns, as .npy files in its folder (<c>x.npy</c>, <c>best_x.npy</c>); null for the other commands.</summary>
    public SolutionFiles? Solution { get; init; }
}

/// <summary>What the experiment ran on.</summary>
/// <param name="OperatingSystem">The OS description.</param>
/// <param name="Architecture">The process architecture.</param>
/// <param name="ProcessorCount">Logical processors.</param>
/// <param name="Runtime">The .NET runtime description.</param>
/// <param name="Vector256Accelerated">Whether 256-bit SIMD is hardware accelerated.</param>
public sealed record MachineInfo(string OperatingSystem, string Architecture, int ProcessorCount, string Runtime, bool Vector256Accelerated)
{
    /// <summary>This machine.</summary>
    public static MachineInfo Current { get; } = new(RuntimeInformation.OSDescription, RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount, RuntimeInformation.FrameworkDescription, System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated);
}
