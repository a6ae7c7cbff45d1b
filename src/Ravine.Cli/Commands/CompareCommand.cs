using Ravine.Cli.Compare;
using Ravine.Cli.Experiments;
using Ravine.Cli.Output;
using Ravine.IO;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// <c>ravine compare</c>: every method × problem × seed within one oracle-call budget; writes runs.csv, summary.csv,
/// summary.json, performance and data profiles (PNG and SVG) and report.html, and prints the tables (docs/COMPARE.md).
/// </summary>
internal sealed class CompareCommand(IAnsiConsole console, StatusOutput status, Interruption interruption) : Command<CompareSettings>
{
    public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var plan = settings.ToPlan();
        var entries = CompareEntry.For(plan);
        string folder = ResultsFolder.PrepareFor("compare", settings.Out);
        var clock = CommandClock.Start();

        var runs = RunCountProgress.Run(status, settings.Format, CompareRunner.Tasks(plan, entries).Count,
            finished => CompareRunner.Run(plan, entries, finished is null ? null : _ => finished(), cancellationToken));

        var analysis = new CompareAnalysis(plan, entries, runs);
        var summary = new CompareSummary
        {
            CommandLine = ResultsFolder.CommandLine("compare", context.Arguments),
            StartedUtc = clock.StartedUtc,
            WallSeconds = clock.Seconds,
            FirstSeed = plan.FirstSeed,
            Seeds = plan.Seeds,
            MaxCalls = plan.MaxCalls,
            Targets = plan.Targets,
            TuningStepsizes = plan.Grid?.Stepsizes,
            TuningCounts = plan.Grid?.Counts,
            Cancelled = cancellationToken.IsCancellationRequested,
            Entries = analysis.Summaries(),
        };
        AtomicFile.WriteAllText(Path.Combine(folder, "runs.csv"), CompareCsv.Runs(analysis, plan.Targets));
        AtomicFile.WriteAllText(Path.Combine(folder, "summary.csv"), CompareCsv.Summary(summary.Entries, plan.Targets));
        AtomicFile.WriteAllText(Path.Combine(folder, "summary.json"), ExperimentJson.Serialize(summary));
        var profiles = plan.Targets.Select((_, t) => analysis.Profile(t)).Select(d => (Data: d, Figures: ProfileFigures.Render(d))).ToArray();
        foreach (var (_, figures) in profiles)
            Figures.Write(figures, folder);
        string report = Path.Combine(folder, "report.html");
        AtomicFile.WriteAllText(report, CompareReport.Render(summary, profiles.Select(p => (p.Data, p.Figures)).ToArray()));

        CompareTables.Write(console, summary, plan.HeadlineTarget, settings.Format, report);
        var notes = status.NotesBeside(console, settings.Format);
        notes.WriteLine($"Report: {report}");
        return interruption.ExitCodeAfter(summary.Cancelled, notes, $"the runs that finished are in {folder}; the others count as unsolved.");
    }
}
