using System.Net;
using System.Text;
using Ravine.Cli.Experiments;

namespace Ravine.Cli.Output;

/// <summary>
/// What the self-contained HTML reports (<c>reproduce</c>'s and <c>compare</c>'s) share: the page's head and style,
/// and the line that says which command made it, where and when.
/// </summary>
internal static class HtmlPage
{
    private const string Body = "body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1700px; padding: 0 1em; color: #222; }";

    private const string FiguresAndText = """
        .figures { display: flex; flex-wrap: wrap; gap: 1em; }
        .figures figure { margin: 0; width: 540px; }
        .figures svg { width: 100%; height: auto; border: 1px solid #eee; }
        code { background: #f6f6f6; padding: 0.1em 0.3em; }
        .warning { color: #c00; font-weight: bold; }
        .num { white-space: nowrap; }
        """;

    /// <summary>Opens the page: its title and style (<paramref name="tableStyle"/>, the report's own table rules, between the shared ones).</summary>
    public static void Begin(StringBuilder html, string title, string tableStyle)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\n");
        html.Append("<style>").Append(Body).Append('\n').Append(tableStyle).Append('\n').Append(FiguresAndText).Append("</style></head><body>\n");
    }

    /// <summary>The paragraph naming the command line, the version, the machine, the start and the wall time.</summary>
    public static void MadeBy(StringBuilder html, ResultsHeader header)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(header);
        var machine = header.Machine;
        html.Append($"<p>Made by <code>{E(header.CommandLine)}</code> with Ravine {E(header.Version)} on {E(machine.OperatingSystem)}, " +
                    $"{machine.ProcessorCount} processors, {E(machine.Runtime)}; started {header.StartedUtc:u}")
            .Append(header.WallSeconds is { } seconds ? $", {E(Numbers.Seconds(seconds))} in total" : "").Append(".</p>\n");
    }

    /// <summary>Text escaped for HTML.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);
}
