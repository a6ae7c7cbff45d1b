using System.Text.Json;
using Ravine.Cli.Compare;
using Ravine.Cli.Experiments;

namespace Ravine.Tests.Experiments;

public class ResultsHeaderTests
{
    private static readonly DateTimeOffset Started = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static string[] Names<T>(T summary) =>
        JsonDocument.Parse(ExperimentJson.Serialize(summary)).RootElement.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void The_experiment_summary_keeps_its_fields_in_their_order()
    {
        var summary = new ExperimentSummary { CommandLine = "ravine reproduce", StartedUtc = Started, WallSeconds = 2, Seed = 1, Quick = true, Cancelled = false, Runs = [], Claims = [] };
        Assert.Equal(["version", "commandLine", "seed", "quick", "cancelled", "startedUtc", "wallSeconds", "machine", "runs", "claims", "interruptedBy", "settings", "solution"],
            Names(summary));
    }

    [Fact]
    public void The_comparison_summary_keeps_its_fields_in_their_order()
    {
        var summary = new CompareSummary
        {
            CommandLine = "ravine compare", StartedUtc = Started, WallSeconds = 2, FirstSeed = 1, Seeds = 2, MaxCalls = 10, Targets = [1e-6], Cancelled = false, Entries = [],
        };
        Assert.Equal(["version", "commandLine", "startedUtc", "wallSeconds", "machine", "firstSeed", "seeds", "maxCalls", "targets", "tuningStepsizes", "tuningCounts", "cancelled", "entries"],
            Names(summary));
    }

    [Fact]
    public void The_bench_report_keeps_its_fields_in_their_order_and_has_no_total_wall_time()
    {
        var report = new BenchReport { CommandLine = "ravine bench", StartedUtc = Started, Seed = 1, Quick = true, Repetitions = 3, Runs = [] };
        Assert.Equal(["version", "commandLine", "seed", "quick", "repetitions", "startedUtc", "machine", "runs", "totalMedianSeconds"], Names(report));
    }

    [Fact]
    public void The_header_names_this_library_and_machine_unless_told_otherwise()
    {
        var report = new BenchReport { CommandLine = "ravine bench", StartedUtc = Started, Seed = 1, Quick = true, Repetitions = 3, Runs = [] };
        Assert.Equal(ResultsHeader.LibraryVersion, report.Version);
        Assert.Equal(MachineInfo.Current, report.Machine);
        Assert.Equal("test", (report with { Version = "test" }).Version);
    }
}
