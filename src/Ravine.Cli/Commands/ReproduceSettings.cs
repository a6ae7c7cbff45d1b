using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>The options of <c>ravine reproduce</c>: the shared experiment options and the results folder.</summary>
internal sealed class ReproduceSettings : ExperimentPlanSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Output folder (default: ./ravine-results/<UTC timestamp>/).")]
    public string? Out { get; init; }

    protected override string? ValidateOwnOptions() => OptionText.FirstBlank(("--out", Out, "a folder"));
}
