using Ravine.Cli;
using Spectre.Console;

// Ctrl+C cancels the token instead of killing the process, so runs under way stop cleanly and their results are written.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return RavineApp.Run(AnsiConsole.Console, Console.Error, args, cancellation.Token);
