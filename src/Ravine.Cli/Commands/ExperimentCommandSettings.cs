using System.ComponentModel;
using Ravine.Cli.Output;
using Ravine.Problems;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// The options of every command that runs a set of experiments (<c>reproduce</c>, <c>bench</c>, <c>compare</c>,
/// <c>sweep</c>): the seed and the console format, declared once, and one order of checks: the command's own options,
/// then the plan they describe.
/// </summary>
internal abstract class ExperimentCommandSettings : RavineSettings
{
    [CommandOption("--seed <SEED>")]
    [Description("The seed of the instances and starts (default: 3407, the paper's); with several seeds per problem, the first, seed i being SEED + i.")]
    [TypeConverter(typeof(SeedValue))]
    public ulong Seed { get; init; } = ProblemRegistry.DefaultSeed;

    [CommandOption("--format <FORMAT>")]
    [Description("The console output: text (default), markdown (to paste into a README), or json (only the JSON on stdout, no progress lines).")]
    [TypeConverter(typeof(FormatValue))]
    public ConsoleFormat Format { get; init; } = ConsoleFormat.Text;

    public sealed override ValidationResult Validate()
    {
        if (ValidateOwnOptions() is { } error)
            return ValidationResult.Error(error);
        try
        {
            CheckPlan();
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error(e.Message);
        }
        return ValidationResult.Success();
    }

    /// <summary>The message for an invalid option of the command itself, or <see langword="null"/>; checked before the plan.</summary>
    protected virtual string? ValidateOwnOptions() => null;

    /// <summary>Builds the plan the options describe, so that a bad name or value is an error before anything runs.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    protected abstract void CheckPlan();
}
