using System.ComponentModel;
using Ravine.Instances;
using Ravine.IO;
using Ravine.Problems;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// <c>ravine generate PROBLEM [--seed N] --out DIR</c>: writes a seeded instance of a published problem as a folder
/// of .npy files, which <c>ravine run --data DIR</c> (or <c>numpy.load</c>) reads back bit for bit.
/// </summary>
internal sealed class GenerateCommand(IAnsiConsole console) : Command<GenerateCommand.Settings>
{
    /// <summary>The options of <c>ravine generate</c>.</summary>
    public sealed class Settings : RavineSettings
    {
        [CommandArgument(0, "<PROBLEM>")]
        [Description("The problem, e.g. quartic-rosenbrock (ravine generate --help lists them).")]
        public string Problem { get; init; } = "";

        [CommandOption("--seed <SEED>")]
        [TypeConverter(typeof(SeedValue))]
        [Description("The seed of the instance (default: the published 3407).")]
        public ulong Seed { get; init; } = ProblemRegistry.DefaultSeed;

        [CommandOption("--out <DIR>")]
        [Description("Required: the folder to write the .npy files into (created if missing).")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("generate needs --out DIR: the folder to write the instance into.") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = InstanceFormats.Find(settings.Problem);
        Experiments.OutputFolder.Prepare(settings.Out!);
        var problem = ProblemRegistry.Generate(format.Problem, settings.Seed);
        InstanceFormats.Save(problem, settings.Out!);
        var table = new Table().AddColumns("file", "shape", "what");
        foreach (var file in format.Files)
        {
            var array = Npy.Read(Path.Combine(settings.Out!, file.Name));
            table.AddRow(Markup.Escape(file.Name), Markup.Escape(InstanceFolder.Format(array.Shape)), Markup.Escape(file.Meaning));
        }
        console.MarkupLineInterpolated($"[bold]{problem.Title}[/], seed {settings.Seed}, written to {Path.GetFullPath(settings.Out!)}");
        console.Write(table);
        return 0;
    }
}
