using System.Globalization;

namespace Ravine.Cli.Output;

/// <summary>The results folder a command writes into when no <c>--out</c> is given, and the command line recorded in its summary.</summary>
internal static class ResultsFolder
{
    /// <summary><c>ravine-results/&lt;prefix&gt;&lt;UTC timestamp&gt;</c>, with <c>-2</c>, <c>-3</c>, … appended if that folder exists.</summary>
    public static string Default(string prefix = "")
    {
        string stem = Path.Combine("ravine-results", prefix + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        string folder = stem;
        for (int n = 2; Directory.Exists(folder); n++) folder = $"{stem}-{n}";
        return folder;
    }

    /// <summary>The command line as a shell would take it: <c>ravine &lt;command&gt;</c> and the arguments, quoted where needed.</summary>
    public static string CommandLine(string command, IEnumerable<string> arguments) =>
        string.Join(' ', ["ravine", command, .. arguments.SkipWhile(a => a == command).Select(Quote)]);

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ',' or ':' or '=') ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
