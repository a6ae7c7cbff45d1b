namespace Ravine.Cli.Output;

/// <summary>How a command prints its result table on the console.</summary>
internal enum ConsoleFormat
{
    /// <summary>A drawn table for people.</summary>
    Text,
    /// <summary>A Markdown table, to paste into a README or an issue.</summary>
    Markdown,
    /// <summary>The summary as JSON only, for scripts.</summary>
    Json,
}
