using Ravine.Cli.Paper;
using Ravine.Cli.Output;
using Ravine.Cli.Experiments;
using Ravine.IO;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// <c>ravine reproduce</c>: runs the published experiments, writes traces, summaries, figures and reports into a
/// results folder, prints a table and checks the paper's claims (exit code 1 when one fails).
/// </summary>
internal sealed class ReproduceCommand(IAnsiConsole console, StatusOutput status, Interruption interruption) : Command<ReproduceSettings>
{
    public override int Execute(CommandContext context, ReproduceSettings settings, CancellationToken cancellationToken)
    {
        var plan = settings.ToPlan();
        var keys = plan.Keys();
        var files = ExperimentFiles.Start(settings.Out ?? ResultsFolder.Default(), keys,
            [.. keys.Select(k => k.Problem).Distinct().SelectMany(Figures.Files), "report.html", "report.md"]);
        var clock = CommandClock.Start();

        var runs = settings.Format == ConsoleFormat.Json
            ? Runner.Run(plan, files, cancellationToken)
            : ProgressDisplay.Run(status.Progress, keys, progress => Runner.Run(plan, ExperimentObservers.Combine(files, progress), cancellationToken));

        bool cancelled = cancellationToken.IsCancellationRequested;
        var summary = new ExperimentSummary
        {
            CommandLine = ResultsFolder.CommandLine("reproduce", context.Arguments),
            Seed = plan.Seed,
            Quick = plan.Quick,
            Cancelled = cancelled,
            StartedUtc = clock.StartedUtc,
            WallSeconds = clock.Seconds,
            Runs = runs.Select(r => r.Summary).ToArray(),
            Claims = cancelled ? PaperClaims.NotCheckedAfterInterruption(runs) : PaperClaims.Check(runs),
            InterruptedBy = cancelled ? interruption.Cause : null,
        };
        files.WriteSummary(summary);
        var figures = runs.GroupBy(r => r.Key.Problem).ToDictionary(g => g.Key, g => Figures.Render(g.ToArray()));
        foreach (var (problem, rendered) in figures)
            Figures.Write(rendered, files.ProblemFolder(problem));
        string htmlPath = Path.Combine(files.Folder, "report.html");
        AtomicFile.WriteAllText(htmlPath, HtmlReport.Render(summary, runs, figures));
        AtomicFile.WriteAllText(Path.Combine(files.Folder, "report.md"), MarkdownReport.Render(summary, runs));

        ResultsTable.Write(console, runs, summary, settings.Format, htmlPath);
        ClaimLines.Write(console, status, summary, htmlPath, settings.Format);
        if (cancelled)
        {
            string interrupted = $"Interrupted ({interruption.Cause}): the runs that ran, their figures and the report are in {files.Folder}";
            if (settings.Format == ConsoleFormat.Text) console.WriteLine(interrupted);
            else status.Notes.WriteLine(interrupted);
            return interruption.ExitCode;
        }
        bool failed = summary.Claims.Any(c => c.Verdict == ClaimVerdict.Fail);
        return failed && !plan.Quick ? RavineApp.ClaimFailed : 0;
    }
}
