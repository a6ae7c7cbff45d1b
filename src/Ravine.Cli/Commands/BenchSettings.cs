using System.ComponentModel;
using Ravine.Cli.Output;
using Ravine.Experiments;
using Ravine.Methods;
using Ravine.Problems;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>The options of <c>ravine bench</c>.</summary>
internal sealed class BenchSettings : CommandSettings
{
    [CommandOption("--problems <NAMES>")]
    [Description("Comma-separated problems to time (default: every published problem).")]
    public string? Problems { get; init; }

    [CommandOption("--methods <NAMES>")]
    [Description("Comma-separated methods (default: gdpolyak,gd,polyak, what reproduce runs).")]
    public string? Methods { get; init; }

    [CommandOption("--runs <N>")]
    [Description("Repetitions of each run; the median is reported (default: 3).")]
    [DefaultValue(3)]
    public int Runs { get; init; } = 3;

    [CommandOption("--seed <SEED>")]
    [Description("Seed of every instance and start (default: 3407, the paper's).")]
    [DefaultValue(ProblemSuite.PublishedSeed)]
    public ulong Seed { get; init; } = ProblemSuite.PublishedSeed;

    [CommandOption("--quick")]
    [Description("A fifth of the published epochs, as reproduce --quick.")]
    public bool Quick { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("The JSON file of the timings (default: ./ravine-results/bench-<UTC timestamp>.json).")]
    public string? Out { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("The console table: text (default), markdown, or json (only the JSON on stdout).")]
    [DefaultValue(ConsoleFormat.Text)]
    public ConsoleFormat Format { get; init; } = ConsoleFormat.Text;

    /// <summary>The plan these options describe.</summary>
    public ExperimentPlan ToPlan() => new()
    {
        Problems = Problems is null ? ProblemSuite.Names : Split(Problems),
        Methods = Methods is null ? MethodCatalog.PaperMethods : Split(Methods),
        Seed = Seed,
        Quick = Quick,
    };

    public override ValidationResult Validate()
    {
        if (!Enum.IsDefined(Format))
            return ValidationResult.Error($"Unknown format '{Format}'. Known: text, markdown, json.");
        if (Runs < 1)
            return ValidationResult.Error($"--runs must be at least 1, not {Runs}.");
        try
        {
            ToPlan().Validate();
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error(e.Message);
        }
        return ValidationResult.Success();
    }

    private static string[] Split(string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
