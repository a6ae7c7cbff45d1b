using System.ComponentModel;
using Ravine.Cli.Experiments;
using Ravine.Cli.Paper;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// The options that <c>ravine reproduce</c> and <c>ravine bench</c> share besides the seed and the format: which
/// problems and methods, and --quick. Declared and validated here once, so the two commands cannot drift apart.
/// </summary>
internal abstract class ExperimentPlanSettings : ExperimentCommandSettings
{
    [CommandOption("--problems <NAMES>")]
    [Description("Comma-separated problems (default: every published problem; an unknown name lists the known ones).")]
    public string? Problems { get; init; }

    [CommandOption("--methods <NAMES>")]
    [Description("Comma-separated methods (default: gdpolyak,gd,polyak, the paper's comparison).")]
    public string? Methods { get; init; }

    [CommandOption("--quick")]
    [Description("A fifth of the published epochs: a smoke test.")]
    public bool Quick { get; init; }

    /// <summary>The plan these options describe.</summary>
    public ExperimentPlan ToPlan() => new()
    {
        Problems = Problems is null ? PublishedExperiments.Problems : Split(Problems),
        Methods = Methods is null ? PublishedExperiments.Methods : Split(Methods),
        Seed = Seed,
        Quick = Quick,
    };

    protected sealed override void CheckPlan() => ToPlan().Validate();

    private static string[] Split(string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
