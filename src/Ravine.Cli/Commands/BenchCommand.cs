using Ravine.Cli.Output;
using Ravine.Cli.Experiments;
using Ravine.IO;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// <c>ravine bench</c>: times what <c>reproduce</c> runs, one run at a time, and prints the median wall time, oracle
/// calls per second and (where the problem states its flops) GFLOP/s per problem and method; saves them as JSON so
/// that machines can be compared.
/// </summary>
internal sealed class BenchCommand(IAnsiConsole console, StatusOutput status, Interruption interruption) : Command<BenchSettings>
{
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        var plan = settings.ToPlan();
        // Checked before the timing starts: a file that cannot be written fails now, not after the repetitions.
        string path = settings.Out ?? ResultsFolder.DefaultFile("bench-", ".json");
        OutputFolder.PrepareFile(path);
        var clock = CommandClock.Start();
        Action<ExperimentKey, int>? progress = settings.Format != ConsoleFormat.Text || status.Progress is not { } progressConsole
            ? null
            : (key, repetition) => progressConsole.MarkupLine($"[grey]{Markup.Escape($"{key} run {repetition}/{settings.Runs}")}[/]");
        IReadOnlyList<TimedRun> runs;
        try
        {
            runs = ExperimentTiming.Time(plan, settings.Runs, progress, cancellationToken);
        }
        catch when (settings.Out is null)
        {
            // The default file was claimed empty: left behind, it would look like a result.
            File.Delete(path);
            throw;
        }
        var report = new BenchReport
        {
            CommandLine = ResultsFolder.CommandLine("bench", context.Arguments),
            Seed = plan.Seed,
            Quick = plan.Quick,
            Repetitions = settings.Runs,
            StartedUtc = clock.StartedUtc,
            Runs = runs,
        };
        AtomicFile.WriteAllText(path, ExperimentJson.Serialize(report));
        BenchTable.Write(console, report, settings.Format);
        if (settings.Format != ConsoleFormat.Json)
            console.WriteLine($"Timings: {path}");
        return cancellationToken.IsCancellationRequested ? interruption.ExitCode : 0;
    }
}
