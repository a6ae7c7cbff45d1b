using Ravine.Cli.Paper;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Ravine.Cli.Experiments;

/// <summary>The whole experiment as written to <c>summary.json</c>: every run, the claim checks, the machine and version.</summary>
public sealed record ExperimentSummary
{
    /// <summary>Ravine's version (informational version of the library).</summary>
    public required string Version { get; init; }
    /// <summary>The command line that made the results.</summary>
    public required string CommandLine { get; init; }
    /// <summary>The seed of every instance.</summary>
    public required ulong Seed { get; init; }
    /// <summary>True when the runs used the quick (smoke-test) budgets, not the published ones.</summary>
    public required bool Quick { get; init; }
    /// <summary>True when the experiment was cancelled before every run finished.</summary>
    public required bool Cancelled { get; init; }
    /// <summary>When the experiment started (UTC).</summary>
    public required DateTimeOffset StartedUtc { get; init; }
    /// <summary>Wall-clock seconds of the whole experiment.</summary>
    public required double WallSeconds { get; init; }
    /// <summary>The machine it ran on.</summary>
    public required MachineInfo Machine { get; init; }
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

    /// <summary>The library's informational version.</summary>
    /// <remarks>Read from Ravine.dll, not from this assembly, whose attributes include Orleans' (from the sharding
    /// package): reading those would load Orleans into every command at start-up.</remarks>
    public static string LibraryVersion { get; } =
        typeof(Optimization.Minimizer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Optimization.Minimizer).Assembly.GetName().Version?.ToString() ?? "unknown";
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
