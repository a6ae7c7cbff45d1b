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
        [Description("The challenger, written the same way (default: gdpolyak-adaptive, at its defaults); repeat the option to measure several against the same reference runs, a column each (e.g. a sweep of fstar-offset). Either may add fstar=unknown (hide the problem's f*: the method estimates it), fstar=F (use F) or fstar-offset=δ (use the problem's f* + δ, e.g. fstar-offset=-0.5: a wrong f* by the same amount on every problem); fstar-estimate=F is gdpolyak's own option (f* unknown, estimate starting at F).")]
        public string[] Challenger { get; init; } = [];

        [CommandOption("--problems <NAMES>")]
        [Description("Comma-separated problems, or all: every problem that needs no installed data, as ravine compare runs (default: the paper's four).")]
        public string? Problems { get; init; }

        [CommandOption("--seeds <SEEDS>")]
        [Description("Comma-separated seeds (default: 3407,1,2,3,4,5: the published seed and five others). Each seed is an instance of its own, as in ravine compare: the paper's problems draw instance and start from the seed; a problem with a standard start (the test set) keeps it for the first seed listed and starts at a seeded perturbation of it for every other seed.")]
        public string Seeds { get; init; } = "3407,1,2,3,4,5";

        [CommandOption("--target <GAP>")]
        [Description("The gap to reach (default: the reference's best gap on each instance).")]
        public string? Target { get; init; }

        [CommandOption("--max-calls <N>")]
        [Description("The reference's budget in oracle calls, the start's included (default: its own run's budget: the paper's epochs on the paper's problems). The challenger may spend 4 times the reference's calls to the target.")]
        public string? MaxCalls { get; init; }

        [CommandOption("--per-problem")]
        [Description("One row per problem instead of per instance: how often the reference reached the target, and per challenger the median and worst ratio, its misses and what its runs said about f*.")]
        public bool PerProblem { get; init; }

        [CommandOption("--forecast")]
        [Description("Add the challenger's long-step forecasts (GDPolyak's safeguard; docs/ADAPTIVE.md, \"The forecast's record\"): its long steps, those shortened and those undone, how many the forecast said would raise f against how many did, how often it called that direction right, and the median error |log10(predicted gap / actual gap)| in decades — per instance, or with --per-problem summed over the seeds, the median over every step. \"—\": no forecast (a method or safeguard without one). The JSON always carries them.")]
        public bool Forecast { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("The table: text (default), markdown, or json (stdout holds only the JSON: one object per instance and challenger, and a summary per challenger). The columns after the ratio say what a run said about its f*: f* too low, f* too high (a given f* looked wrong and an estimate replaced it) or estimate unreliable.")]
        public string Format { get; init; } = "text";
    }

    /// <summary>What <c>versus</c> runs, from its settings, checked before anything runs.</summary>
    internal sealed record Plan(Contender Reference, IReadOnlyList<Contender> Challengers, IReadOnlyList<string> Problems, ulong[] Seeds, double? Target, long? MaxCalls, string Format);

    /// <summary>The challenger when none is given: the adaptive GDPolyak at its defaults.</summary>
    internal const string DefaultChallenger = "gdpolyak-adaptive";

    /// <summary>The value of <c>--problems</c> that names every problem that needs no installed data.</summary>
    internal const string AllProblems = "all";

    /// <summary>
    /// The settings checked and resolved: the contenders, problems, seeds, target and format. A contender that lacks a
    /// required option on a problem (GDPolyak's η and K outside the paper's problems) is named here, in one line, in the
    /// syntax of <c>--reference</c>/<c>--challenger</c>, rather than by every run that would fail.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is invalid, or a contender cannot run on a problem.</exception>
    internal static Plan ToPlan(Settings settings)
    {
        var reference = Contender.Parse(settings.Reference);
        var challengers = (settings.Challenger.Length == 0 ? [DefaultChallenger] : settings.Challenger).Select(Contender.Parse).ToArray();
        var problems = settings.Problems is null ? PublishedExperiments.Problems
            : string.Equals(settings.Problems.Trim(), AllProblems, StringComparison.OrdinalIgnoreCase) ? Compare.ComparePlan.DefaultProblems
            : Split(settings.Problems);
        var seeds = Split(settings.Seeds).Select(s => ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed) ? seed
            : throw new ArgumentException($"--seeds takes whole numbers in [0, 2^64), not '{s}'.")).ToArray();
        double? target = settings.Target is null ? null
            : double.TryParse(settings.Target, NumberStyles.Float, CultureInfo.InvariantCulture, out double t) && t >= 0 && double.IsFinite(t) ? t
            : throw new ArgumentException($"--target takes a gap ≥ 0, not '{settings.Target}'.");
        long? maxCalls = settings.MaxCalls is null ? null
            : long.TryParse(settings.MaxCalls, NumberStyles.None, CultureInfo.InvariantCulture, out long calls) && calls >= 2 ? calls
            : throw new ArgumentException($"--max-calls takes a whole number of oracle calls ≥ 2, not '{settings.MaxCalls}'.");
        string format = settings.Format is "text" or "markdown" or "json" ? settings.Format
            : throw new ArgumentException($"--format takes text, markdown or json, not '{settings.Format}'.");
        foreach (var (option, contender) in challengers.Select(c => ("--challenger", c)).Prepend(("--reference", reference)))
        {
            var lacking = problems.Select(p => (Problem: p, Missing: contender.MissingOn(p))).Where(p => p.Missing.Count > 0).ToArray();
            if (lacking.Length == 0) continue;
            var missing = lacking[0].Missing;
            throw new ArgumentException(
                $"{option} \"{contender.Text}\" needs {string.Join(" and ", missing.Select(k => k + "="))} on {string.Join(", ", lacking.Select(p => p.Problem))} " +
                $"(published only for {string.Join(", ", PublishedExperiments.Problems)}): give {(missing.Count == 1 ? "it" : "them")}, e.g. " +
                $"{option} \"{contender.Text} {string.Join(" ", missing.Select(k => k + "=…"))}\".");
        }
        return new Plan(reference, challengers, problems, seeds, target, maxCalls, format);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (reference, challengers, problems, seeds, target, maxCalls, format) = ToPlan(settings);
        var rows = CallsRatio.Run(reference, challengers, problems, seeds, target, maxCalls, cancellationToken);
        var output = console.Profile.Out.Writer;
        if (format == "json")
        {
            output.WriteLine(VersusJson.Serialize(reference, challengers, rows));
            return cancellationToken.IsCancellationRequested ? interruption.ExitCode : 0;
        }
        var (header, cells) = settings.PerProblem ? VersusTable.PerProblem(challengers, rows, settings.Forecast) : VersusTable.PerInstance(reference, challengers, rows, settings.Forecast);
        bool markdown = format == "markdown";
        if (markdown)
        {
            output.Write(MarkdownTable.Render(header, cells));
        }
        else
        {
            var table = new Table().Border(TableBorder.None);
            foreach (string column in header) table.AddColumn(new TableColumn(Markup.Escape(column)).NoWrap());
            foreach (var row in cells) table.AddRow(row.Select(Markup.Escape).ToArray());
            console.Write(table);
        }
        for (int i = 0; i < challengers.Count; i++)
        {
            foreach (string line in VersusSummary.Of(rows.Where(r => r.Challenger == i).ToArray()).Lines())
            {
                // In Markdown a line right below a table is read as one more row, and two lines make one paragraph: a blank line before each.
                if (markdown) output.WriteLine();
                output.WriteLine(challengers.Count == 1 ? line : $"{challengers[i].Text}: {line}");
            }
        }
        return cancellationToken.IsCancellationRequested ? interruption.ExitCode : 0;
    }

    private static string[] Split(string names) => names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
