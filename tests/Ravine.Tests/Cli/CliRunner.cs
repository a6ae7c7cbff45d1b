using Ravine.Cli;
using Ravine.Cli.Experiments;
using Ravine.Cli.Output;
using Spectre.Console;

namespace Ravine.Tests.Cli;

/// <summary>Runs the ravine command line in-process, capturing what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args) => Run(CancellationToken.None, args);

    public static (int ExitCode, string Output, string Error) Run(CancellationToken cancellationToken, params string[] args) =>
        Run(Interruption.From(cancellationToken), observer: null, args);

    /// <summary>
    /// Runs a <c>ravine run</c> that is interrupted (as by Ctrl+C) once it reports progress at iteration
    /// <paramref name="iteration"/> or later: it stops at the next iteration, deterministically, where a signal lands
    /// wherever the run happens to be.
    /// </summary>
    public static (int ExitCode, string Output, string Error) RunStoppedAt(long iteration, params string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        return Run(Interruption.From(cancellation.Token), new StopAt(iteration, cancellation), args);
    }

    private static (int ExitCode, string Output, string Error) Run(Interruption interruption, IExperimentObserver? observer, string[] args) =>
        Capture((console, error) => RavineApp.Run(console, new StatusOutput(console, error) { Observer = observer }, error, args, interruption));

    /// <summary>Parses and checks the command line without running it (<see cref="RavineApp.CheckOnly"/>).</summary>
    public static (int ExitCode, string Output, string Error) CheckOnly(params string[] args) =>
        Capture((console, error) => RavineApp.CheckOnly(console, error, args));

    /// <summary>Runs <paramref name="run"/> on a plain console 200 columns wide and a writer for errors; what it returned and printed.</summary>
    internal static (int ExitCode, string Output, string Error) Capture(Func<IAnsiConsole, TextWriter, int> run)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        int code = run(console, error);
        return (code, output.ToString(), error.ToString());
    }

    private sealed class StopAt(long iteration, CancellationTokenSource cancellation) : IExperimentObserver
    {
        public void RunStarted(ExperimentKey key, long iterationBudget) { }

        public void Progress(ExperimentKey key, long at, double gap)
        {
            if (at >= iteration) cancellation.Cancel();
        }

        public void RunFinished(RunRecord run) { }
    }
}
