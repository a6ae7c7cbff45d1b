using Ravine.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli;

/// <summary>The <c>ravine</c> command line: one command per file under Commands/.</summary>
internal static class RavineApp
{
    /// <summary>Exit code of a run whose paper claims did not all hold.</summary>
    public const int ClaimFailed = 1;

    /// <summary>Exit code of bad arguments.</summary>
    public const int BadArguments = 2;

    /// <summary>Exit code of any other error (for example an unwritable output folder).</summary>
    public const int Failed = 3;

    /// <summary>Exit code of a run cancelled with Ctrl+C (the shell's convention for SIGINT).</summary>
    public const int Cancelled = 130;

    /// <summary>The app writing to <paramref name="console"/>, with one-line errors on <paramref name="error"/>.</summary>
    public static CommandApp Create(IAnsiConsole console, TextWriter error)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ravine");
            config.UseStrictParsing();
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance(console);
            config.AddCommand<ReproduceCommand>("reproduce")
                .WithDescription("Run the published experiments (GDPolyak, GD, Polyak on every problem); write traces, figures and a report; check the paper's claims.")
                .WithExample("reproduce")
                .WithExample("reproduce", "--quick", "--out", "/tmp/smoke")
                .WithExample("reproduce", "--problems", "quartic-rosenbrock", "--format", "markdown");
            config.SetExceptionHandler((exception, _) =>
            {
                // One line, no stack trace: the message says what was wrong.
                bool badArguments = exception is CommandAppException or ArgumentException;
                error.WriteLine($"ravine: {Flatten(exception)}");
                return badArguments ? BadArguments : Failed;
            });
        });
        return app;
    }

    private static string Flatten(Exception exception)
    {
        string message = exception.Message.ReplaceLineEndings(" ").Trim();
        return exception.InnerException is { } inner && !message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{message} ({inner.Message.ReplaceLineEndings(" ").Trim()})"
            : message;
    }
}
