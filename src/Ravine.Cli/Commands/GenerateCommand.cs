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

        [CommandOption("--validation <M>")]
        [Description("quadratic-sensing only: also write M held-out measurements of the same truth (A_heldout.npy, B_heldout.npy, y_heldout.npy), which `ravine run --data` uses as validation data (default 0).")]
        public int Validation { get; init; }

        [CommandOption("--noise <SIGMA>")]
        [Description("quadratic-sensing only: add Gaussian noise of standard deviation SIGMA to every measurement (training and held-out); f* is then unknown (default 0).")]
        public double Noise { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Required: the folder to write the .npy files into (created if missing).")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("generate needs --out DIR: the folder to write the instance into.")
            : Validation < 0 ? ValidationResult.Error("--validation takes a count ≥ 0.")
            : !(Noise >= 0 && double.IsFinite(Noise)) ? ValidationResult.Error("--noise takes a standard deviation ≥ 0.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = InstanceFormats.Find(settings.Problem);
        bool sensing = format.Problem == "quadratic-sensing";
        if (!sensing && (settings.Validation > 0 || settings.Noise > 0))
            throw new ArgumentException($"--validation and --noise apply to quadratic-sensing only, not {format.Problem}.");
        Experiments.OutputFolder.Prepare(settings.Out!);
        var problem = sensing && (settings.Validation > 0 || settings.Noise > 0)
            ? QuadraticSensing.Generate(settings.Seed, heldOut: settings.Validation, noise: settings.Noise)
            : ProblemRegistry.Generate(format.Problem, settings.Seed);
        InstanceFormats.Save(problem, settings.Out!);
        var table = new Table().AddColumns("file", "shape", "what");
        foreach (var file in format.Files)
        {
            string path = Path.Combine(settings.Out!, file.Name);
            if (!file.Required && !File.Exists(path)) continue;
            var array = Npy.Read(path);
            table.AddRow(Markup.Escape(file.Name), Markup.Escape(InstanceFolder.Format(array.Shape)), Markup.Escape(file.Meaning));
        }
        console.MarkupLineInterpolated($"[bold]{problem.Title}[/], seed {settings.Seed}, written to {Path.GetFullPath(settings.Out!)}");
        console.Write(table);
        return 0;
    }
}
