using Ravine.Cli.Compare;
using Ravine.Cli.Experiments;
using Ravine.Cli.Output;
using Ravine.IO;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// <c>ravine sweep</c>: one method on one problem over a grid of its options; writes sweep.csv and two heatmaps (best
/// gap, calls to the target) as PNG and SVG, and prints the grid (docs/COMPARE.md).
/// </summary>
internal sealed class SweepCommand(IAnsiConsole console, StatusOutput status, Interruption interruption) : Command<SweepSettings>
{
    public override int Execute(CommandContext context, SweepSettings settings, CancellationToken cancellationToken)
    {
        var plan = settings.ToPlan();
        string folder = ResultsFolder.PrepareFor("sweep", settings.Out);
        int total = plan.X.Values.Count * (plan.Y?.Values.Count ?? 1) * plan.Seeds;
        var cells = RunCountProgress.Run(status, settings.Format, total, finished => SweepRunner.Run(plan, finished, cancellationToken));
        AtomicFile.WriteAllText(Path.Combine(folder, "sweep.csv"), SweepTables.Csv(plan, cells));
        Figures.Write(SweepFigures.Render(plan, cells), folder);
        if (settings.Format == ConsoleFormat.Json)
            console.Profile.Out.Writer.WriteLine(ExperimentJson.Serialize(cells.Select(c => new
            {
                x = plan.X.Values[c.X], y = plan.Y?.Values[c.Y], setting = c.Setting.Label, seeds = c.Runs.Count,
                solved = c.Solved, bestGap = c.BestGap, calls = c.Calls, diverged = c.Diverged,
            })));
        else
            SweepTables.Write(console, plan, cells, settings.Format);
        var notes = status.NotesBeside(console, settings.Format);
        notes.WriteLine($"Heatmaps and CSV: {folder}");
        return interruption.ExitCodeAfter(cancellationToken.IsCancellationRequested, notes, $"the cells that ran are in {folder}.");
    }
}
