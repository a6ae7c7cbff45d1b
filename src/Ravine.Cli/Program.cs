using Ravine.Cli;
using Ravine.Cli.Output;

// The commands that draw figures start loading the drawing code now, on the other core, while this one parses the
// command line and computes (see Figures.WarmUp).
if (args is ["run" or "reproduce" or "compare" or "sweep", ..]) Figures.WarmUp();
// SIGINT (Ctrl+C) and SIGTERM cancel the run instead of killing the process, so the run under way stops cleanly and
// its results and checkpoint are written; a second signal quits at once.
using var interruption = Interruption.ListenForSignals(Console.Error);
var (output, status) = StatusOutput.ForThisProcess();
return RavineApp.Run(output, status, Console.Error, args, interruption);
