using Ravine.Cli;
using Spectre.Console;

namespace Ravine.Tests.Cli;

/// <summary>Runs the ravine command line in-process, capturing what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args) => Run(CancellationToken.None, args);

    public static (int ExitCode, string Output, string Error) Run(CancellationToken cancellationToken, params string[] args) =>
        Capture((console, error) => RavineApp.Run(console, error, args, cancellationToken));

    /// <summary>Parses and checks the command line without running it (<see cref="RavineApp.CheckOnly"/>).</summary>
    public static (int ExitCode, string Output, string Error) CheckOnly(params string[] args) =>
        Capture((console, error) => RavineApp.CheckOnly(console, error, args));

    private static (int ExitCode, string Output, string Error) Capture(Func<IAnsiConsole, TextWriter, int> run)
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
}
