using Spectre.Console;

namespace Ravine.Cli.Output;

/// <summary>
/// Where a command writes what is not its result: the progress display (<see langword="null"/>: nowhere) and notes
/// such as the report's path when stdout carries only a table (<see cref="Notes"/>, stderr). A command's result goes
/// to the <see cref="IAnsiConsole"/> it is given (stdout).
/// </summary>
internal sealed record StatusOutput(IAnsiConsole? Progress, TextWriter Notes)
{
    /// <summary>
    /// Also told of <c>run</c>'s start, progress and end, in the run's thread (<see langword="null"/>: nobody): for
    /// in-process callers, e.g. one that stops the run part-way by cancelling its token at a given iteration.
    /// </summary>
    public Experiments.IExperimentObserver? Observer { get; init; }

    /// <summary>
    /// Where the notes beside a command's result in <paramref name="format"/> go: after a text table, on
    /// <paramref name="output"/> (stdout); beside Markdown or JSON, meant to be pasted or parsed whole, on <see cref="Notes"/> (stderr).
    /// </summary>
    public TextWriter NotesBeside(IAnsiConsole output, ConsoleFormat format)
    {
        ArgumentNullException.ThrowIfNull(output);
        return format == ConsoleFormat.Text ? output.Profile.Out.Writer : Notes;
    }

    /// <summary>
    /// The console width when stdout is not a terminal. Spectre assumes 80 columns for a pipe and hard-wraps there,
    /// which breaks table rows and paths over lines that a script or <c>grep</c> then cannot read whole.
    /// </summary>
    public const int PipedWidth = 4096;

    /// <summary>
    /// This process's consoles: stdout for results, wide and plain (no colours) when piped; progress on stdout when it
    /// is a terminal, on stderr when only stdout is piped (so it never lands inside the output a script reads), nowhere when both are.
    /// </summary>
    public static (IAnsiConsole Output, StatusOutput Status) ForThisProcess()
    {
        if (!Console.IsOutputRedirected)
            return (AnsiConsole.Console, new StatusOutput(AnsiConsole.Console, Console.Error));
        // No escape codes into a file or a pipe, whatever TERM says: a script or grep would read them as text.
        var output = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(new LineEndTrimmingWriter(Console.Out)),
            Interactive = InteractionSupport.No,
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        output.Profile.Width = PipedWidth;
        var progress = Console.IsErrorRedirected ? null : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return (output, new StatusOutput(progress, Console.Error));
    }
}
