using System.ComponentModel;
using Ravine.Cli.Output;
using Ravine.Experiments;
using Ravine.Methods;
using Ravine.Problems;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>The options of <c>ravine reproduce</c>.</summary>
internal sealed class ReproduceSettings : CommandSettings
{
    [CommandOption("--problems <NAMES>")]
    [Description("Comma-separated problems to run (default: every published problem; an unknown name lists the known ones).")]
    public string? Problems { get; init; }

    [CommandOption("--methods <NAMES>")]
    [Description("Comma-separated methods (default: gdpolyak,gd,polyak, the paper's comparison). The claim check needs all three.")]
    public string? Methods { get; init; }

    [CommandOption("--seed <SEED>")]
    [Description("Seed of every instance and start (default: 3407, the paper's).")]
    [DefaultValue(ProblemSuite.PublishedSeed)]
    public ulong Seed { get; init; } = ProblemSuite.PublishedSeed;

    [CommandOption("--out <DIR>")]
    [Description("Output folder (default: ./ravine-results/<UTC timestamp>/).")]
    public string? Out { get; init; }

    [CommandOption("--quick")]
    [Description("A fifth of the published epochs: a smoke test. Claims are still printed but do not set the exit code.")]
    public bool Quick { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("The console table: text (default), markdown, or json (only the summary JSON on stdout, no progress display).")]
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
