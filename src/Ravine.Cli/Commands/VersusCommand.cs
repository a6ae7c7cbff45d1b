using System.ComponentModel;
using System.Globalization;
using Ravine.Cli.Output;
using Ravine.Cli.Paper;
using Ravine.Cli.Versus;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// <c>ravine versus</c>: how many oracle calls a challenger needs to reach what a reference reaches, per problem and
/// seed — e.g. the adaptive GDPolyak at its defaults against the hand-tuned published GDPolyak.
/// </summary>
internal sealed class VersusCommand(IAnsiConsole console, Interruption interruption) : Command<VersusCommand.Settings>
{
    /// <summary>The options of <c>ravine versus</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--reference <SPEC>")]
        [Description("The reference: a method and options as \"NAME KEY=VALUE …\" (default: gdpolyak, at the paper's settings on its problems).")]
        public string Reference { get; init; } = "gdpolyak";

        [CommandOption("--challenger <SPEC>")]
        [Description("The challenger, written the same way (default: gdpolyak-adaptive, at its defaults). Either may add fstar=unknown (hide the problem's f*: the method estimates it) or fstar=F (use F); fstar-estimate=F is gdpolyak's own option (f* unknown, estimate starting at F).")]
        public string Challenger { get; init; } = "gdpolyak-adaptive";

        [CommandOption("--problems <NAMES>")]
        [Description("Comma-separated problems (default: the paper's four).")]
        public string? Problems { get; init; }

        [CommandOption("--seeds <SEEDS>")]
        [Description("Comma-separated seeds (default: 3407,1,2,3,4,5: the published seed and five others).")]
        public string Seeds { get; init; } = "3407,1,2,3,4,5";

        [CommandOption("--target <GAP>")]
        [Description("The gap to reach (default: the reference's best gap on each instance).")]
        public string? Target { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("The table: text (default) or markdown.")]
        public string Format { get; init; } = "text";
    }

    /// <summary>What <c>versus</c> runs, from its settings, checked before anything runs.</summary>
    internal sealed record Plan(Contender Reference, Contender Challenger, IReadOnlyList<string> Problems, ulong[] Seeds, double? Target, bool Markdown);

    /// <summary>
    /// The settings checked and resolved: the contenders, problems, seeds, target and format. A contender that lacks a
    /// required option on a problem (GDPolyak's η and K outside the paper's problems) is named here, in one line, in the
    /// syntax of <c>--reference</c>/<c>--challenger</c>, rather than by every run that would fail.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is invalid, or a contender cannot run on a problem.</exception>
    internal static Plan ToPlan(Settings settings)
    {
        var reference = Contender.Parse(settings.Reference);
        var challenger = Contender.Parse(settings.Challenger);
        var problems = settings.Problems is null ? PublishedExperiments.Problems : Split(settings.Problems);
        var seeds = Split(settings.Seeds).Select(s => ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed) ? seed
            : throw new ArgumentException($"--seeds takes whole numbers in [0, 2^64), not '{s}'.")).ToArray();
        double? target = settings.Target is null ? null
            : double.TryParse(settings.Target, NumberStyles.Float, CultureInfo.InvariantCulture, out double t) && t >= 0 && double.IsFinite(t) ? t
            : throw new ArgumentException($"--target takes a gap ≥ 0, not '{settings.Target}'.");
        bool markdown = settings.Format switch
        {
            "text" => false,
            "markdown" => true,
            _ => throw new ArgumentException($"--format takes text or markdown, not '{settings.Format}'."),
        };
        foreach (var (option, contender) in new[] { ("--reference", reference), ("--challenger", challenger) })
        {
            var lacking = problems.Select(p => (Problem: p, Missing: contender.MissingOn(p))).Where(p => p.Missing.Count > 0).ToArray();
            if (lacking.Length == 0) continue;
            var missing = lacking[0].Missing;
            throw new ArgumentException(
                $"{option} \"{contender.Text}\" needs {string.Join(" and ", missing.Select(k => k + "="))} on {string.Join(", ", lacking.Select(p => p.Problem))} " +
                $"(published only for {string.Join(", ", PublishedExperiments.Problems)}): give {(missing.Count == 1 ? "it" : "them")}, e.g. " +
                $"{option} \"{contender.Text} {string.Join(" ", missing.Select(k => k + "=…"))}\".");
        }
        return new Plan(reference, challenger, problems, seeds, target, markdown);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (reference, challenger, problems, seeds, target, markdown) = ToPlan(settings);
        var rows = CallsRatio.Run(reference, challenger, problems, seeds, target, cancellationToken);
        string[] header = ["problem", "seed", "target gap", $"{reference.Text} calls", $"{challenger.Text} calls", "ratio"];
        var cells = rows.Select(r => new[]
        {
            r.Problem, r.Seed.ToString(CultureInfo.InvariantCulture), Numbers.Sci(r.Target), Numbers.Integer(r.ReferenceCalls),
            r.ChallengerCalls is long c ? Numbers.Integer(c) : $"missed in {Numbers.Integer(CallsRatio.BudgetFactor * r.ReferenceCalls)}",
            double.IsInfinity(r.Ratio) ? "∞" : r.Ratio.ToString("0.00", CultureInfo.InvariantCulture),
        }).ToArray();
        if (markdown)
        {
            console.Profile.Out.Writer.Write(MarkdownTable.Render(header, cells));
        }
        else
        {
            var table = new Table().Border(TableBorder.None);
            foreach (string column in header) table.AddColumn(new TableColumn(Markup.Escape(column)).NoWrap());
            foreach (var row in cells) table.AddRow(row.Select(Markup.Escape).ToArray());
            console.Write(table);
        }
        if (rows.Count > 0)
        {
            var worst = rows.MaxBy(r => r.Ratio)!;
            // In Markdown a line right below a table is read as one more row: a blank line makes it a paragraph.
            if (markdown) console.Profile.Out.Writer.WriteLine();
            console.Profile.Out.Writer.WriteLine(
                $"Worst ratio {(double.IsInfinity(worst.Ratio) ? "∞" : worst.Ratio.ToString("0.00", CultureInfo.InvariantCulture))} ({worst.Problem}, seed {worst.Seed}); " +
                $"median {Compare.Quartiles.Of(rows.Select(r => r.Ratio)).Median.ToString("0.00", CultureInfo.InvariantCulture)} over {rows.Count} instances.");
        }
        return cancellationToken.IsCancellationRequested ? interruption.ExitCode : 0;
    }

    private static string[] Split(string names) => names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
