using System.Text;

namespace Ravine.Cli.Output;

/// <summary>A GitHub-flavoured Markdown table.</summary>
internal static class MarkdownTable
{
    public static string Render(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", header.Select(Escape)).Append(" |\n");
        text.Append('|').AppendJoin('|', header.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
            text.Append("| ").AppendJoin(" | ", row.Select(Escape)).Append(" |\n");
        return text.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
