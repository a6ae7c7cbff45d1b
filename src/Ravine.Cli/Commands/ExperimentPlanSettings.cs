using System.ComponentModel;
using Ravine.Cli.Output;
using Ravine.Cli.Experiments;
using Ravine.Cli.Paper;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// The options that <c>ravine reproduce</c> and <c>ravine bench</c> share: which problems and methods, the seed,
/// --quick and the console format. Declared and validated here once, so the two commands cannot drift apart.
/// </summary>
internal abstract class ExperimentPlanSettings : RavineSettings
{
    [CommandOption("--problems <NAMES>")]
    [Description("Comma-separated problems (default: every published problem; an unknown name lists the known ones).")]
    public string? Problems { get; init; }

    [CommandOption("--methods <NAMES>")]
    [Description("Comma-separated methods (default: gdpolyak,gd,polyak, the paper's comparison).")]
    public string? Methods { get; init; }

    [CommandOption("--seed <SEED>")]
    [Description("Seed of every instance and start (default: 3407, the paper's).")]
    [TypeConverter(typeof(SeedValue))]
    public ulong Seed { get; init; } = PublishedExperiments.Seed;

    [CommandOption("--quick")]
    [Description("A fifth of the published epochs: a smoke test.")]
    public bool Quick { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("The console table: text (default), markdown, or json (only the JSON on stdout, no progress lines).")]
    [TypeConverter(typeof(FormatValue))]
    public ConsoleFormat Format { get; init; } = ConsoleFormat.Text;

    /// <summary>The plan these options describe.</summary>
    public ExperimentPlan ToPlan() => new()
    {
        Problems = Problems is null ? PublishedExperiments.Problems : Split(Problems),
        Methods = Methods is null ? PublishedExperiments.Methods : Split(Methods),
        Seed = Seed,
        Quick = Quick,
    };

    public sealed override ValidationResult Validate()
    {
        if (ValidateOwnOptions() is { } error)
            return ValidationResult.Error(error);
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

    /// <summary>The message for an invalid option of the command itself, or <see langword="null"/>; checked after
    /// the format and before the plan, so each command's errors come in the order they always did.</summary>
    protected virtual string? ValidateOwnOptions() => null;

    private static string[] Split(string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
