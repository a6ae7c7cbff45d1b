using Ravine.Cli;
using Spectre.Console;

// SIGINT (Ctrl+C) and SIGTERM cancel the run instead of killing the process, so the run under way stops cleanly and
// its results and checkpoint are written; a second signal quits at once.
using var interruption = Interruption.ListenForSignals(Console.Error);
return RavineApp.Run(AnsiConsole.Console, Console.Error, args, interruption);
