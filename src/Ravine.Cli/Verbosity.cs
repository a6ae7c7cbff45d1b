namespace Ravine.Cli;

/// <summary>Whether <c>--verbose</c> was given (anywhere on the command line): errors add their stack trace, and a worker shows Orleans' own log.</summary>
internal sealed record Verbosity(bool Verbose);
