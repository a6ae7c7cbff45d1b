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
        // A constant (an attribute's argument): HelpTests checks it against InstanceFormats.All.
        [Description("The problem: quartic-rosenbrock, quadratic-sensing, matrix-factorization or single-neuron (the problems with an instance format).")]
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

        [CommandOption("--dimension <D>")]
        [Description("quadratic-sensing only: the ambient dimension d. Any size option makes a large block-seeded instance (its own random stream, not the published instance's; docs/USAGE.md), written block by block so memory stays bounded (default 100).")]
        public int? Dimension { get; init; }

        [CommandOption("--width <K>")]
        [Description("quadratic-sensing only: the factor width k ≥ r (default 4); with the size options.")]
        public int? Width { get; init; }

        [CommandOption("--rank <R>")]
        [Description("quadratic-sensing only: the rank r of the truth (default 2); with the size options.")]
        public int? Rank { get; init; }

        [CommandOption("--measurements <M>")]
        [Description("quadratic-sensing only: the number of measurements m (default 1000); with the size options. m = 10^6 at d = 1000 writes two 8 GB files.")]
        public int? Measurements { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Required: the folder to write the .npy files into (created if missing).")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("generate needs --out DIR: the folder to write the instance into.")
            : Validation < 0 ? ValidationResult.Error("--validation takes a count ≥ 0.")
            : !(Noise >= 0 && double.IsFinite(Noise)) ? ValidationResult.Error("--noise takes a standard deviation ≥ 0.")
            : Dimension is < 1 || Width is < 1 || Rank is < 1 || Measurements is < 1 ? ValidationResult.Error("--dimension, --width, --rank and --measurements take counts ≥ 1.")
            : ValidationResult.Success();

        /// <summary>Whether a size option asks for a block-seeded instance.</summary>
        internal bool Sized => Dimension is not null || Width is not null || Rank is not null || Measurements is not null;
    }

    /// <summary>The checks made before anything is written: the problem has an instance format, and the options apply to it.</summary>
    /// <exception cref="ArgumentException">An unknown problem, or an option that does not apply to it.</exception>
    internal static (IInstanceFormat Format, int D, int R, int K, int M) Check(Settings settings)
    {
        var format = InstanceFormats.Find(settings.Problem);
        bool sensing = format.Problem == "quadratic-sensing";
        if (!sensing && (settings.Validation > 0 || settings.Noise > 0))
            throw new ArgumentException($"--validation and --noise apply to quadratic-sensing only, not {format.Problem}.");
        if (!sensing && settings.Sized)
            throw new ArgumentException($"--dimension, --width, --rank and --measurements apply to quadratic-sensing only, not {format.Problem}.");
        int d = settings.Dimension ?? QuadraticSensing.PublishedDimension, r = settings.Rank ?? QuadraticSensing.PublishedRank;
        int k = settings.Width ?? QuadraticSensing.PublishedWidth, m = settings.Measurements ?? QuadraticSensing.PublishedMeasurements;
        if (r > k) throw new ArgumentException($"--rank {r} exceeds --width {k}: the factor must be at least as wide as the truth's rank.");
        return (format, d, r, k, m);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (format, d, r, k, m) = Check(settings);
        bool sensing = format.Problem == "quadratic-sensing";
        Experiments.OutputFolder.Prepare(settings.Out!);
        string title;
        if (settings.Sized)
        {
            var family = new BlockSeededSensing(settings.Seed, d, r, k, settings.Noise);
            SeededSensingFiles.Write(family, settings.Out!, m, settings.Validation, Environment.ProcessorCount);
            title = $"Quadratic sensing (d = {d}, k = {k}, m = {m}), block-seeded";
        }
        else
        {
            var problem = sensing && (settings.Validation > 0 || settings.Noise > 0)
                ? QuadraticSensing.Generate(settings.Seed, heldOut: settings.Validation, noise: settings.Noise)
                : ProblemRegistry.Generate(format.Problem, settings.Seed);
            InstanceFormats.Save(problem, settings.Out!);
            title = problem.Title;
        }
        var table = new Table().AddColumns("file", "shape", "what");
        foreach (var file in format.Files)
        {
            string path = Path.Combine(settings.Out!, file.Name);
            if (!file.Required && !File.Exists(path)) continue;
            var shape = Npy.ReadHeader(path).Shape; // the header only: the data may be gigabytes
            table.AddRow(Markup.Escape(file.Name), Markup.Escape(InstanceFolder.Format(shape)), Markup.Escape(file.Meaning));
        }
        console.MarkupLineInterpolated($"[bold]{title}[/], seed {settings.Seed}, written to {Path.GetFullPath(settings.Out!)}");
        console.Write(table);
        return 0;
    }
}
