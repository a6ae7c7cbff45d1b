using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>The options of <c>ravine bench</c>: the shared experiment options, the repetitions and the JSON file.</summary>
internal sealed class BenchSettings : ExperimentPlanSettings
{
    [CommandOption("--runs <N>")]
    [Description("Repetitions of each run; the median is reported (default: 3).")]
    [TypeConverter(typeof(RunsValue))]
    public int Runs { get; init; } = 3;

    [CommandOption("--out <FILE>")]
    [Description("The JSON file of the timings (default: ./ravine-results/bench-<UTC timestamp>.json).")]
    public string? Out { get; init; }

    protected override string? ValidateOwnOptions() =>
        Runs < 1 ? $"--runs must be at least 1, not {Runs}." : OptionText.FirstBlank(("--out", Out, "a file"));
}
