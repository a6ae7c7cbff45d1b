using System.ComponentModel;
using Ravine.Cli.Compare;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// The options that <c>compare</c> and <c>sweep</c> share besides the seed and format: every run gets the same budget
/// of oracle calls, and the results go into a folder of their own.
/// </summary>
internal abstract class CallBudgetSettings : ExperimentCommandSettings
{
    [CommandOption("--max-calls <N>")]
    [Description("Oracle calls per run, the start's included (default: 10000). Every run gets the same budget.")]
    public long MaxCalls { get; init; } = ComparePlan.DefaultMaxCalls;

    [CommandOption("--out <DIR>")]
    [Description("The results folder (default: a new folder in ./ravine-results/ named after the command and the UTC time).")]
    public string? Out { get; init; }

    protected override string? ValidateOwnOptions() => OptionText.FirstBlank(("--out", Out, "a folder"));
}
