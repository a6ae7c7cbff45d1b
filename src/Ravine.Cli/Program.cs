using Ravine.Cli;
using Ravine.Cli.Output;

// SIGINT (Ctrl+C) and SIGTERM cancel the run instead of killing the process, so the run under way stops cleanly and
// its results and checkpoint are written; a second signal quits at once.
using var interruption = Interruption.ListenForSignals(Console.Error);
var (output, status) = StatusOutput.ForThisProcess();
return RavineApp.Run(output, status, Console.Error, args, interruption);
