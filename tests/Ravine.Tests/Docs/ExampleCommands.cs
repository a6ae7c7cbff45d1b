using System.Text;
using Ravine.Tests.Cli;

namespace Ravine.Tests.Docs;

/// <summary>
/// The example command lines users read: the EXAMPLES of every command's <c>--help</c>, and the lines of the
/// <c>```sh</c> blocks of README.md and docs/USAGE.md, each split into words as a POSIX shell splits them (quotes
/// group, <c>#</c> starts a comment, <c>&amp;&amp;</c> chains commands, a trailing <c>\</c> continues the line).
/// </summary>
internal static class ExampleCommands
{
    /// <summary>The documents whose <c>sh</c> blocks hold examples, below the repository root.</summary>
    public static readonly string[] Documents = ["README.md", "docs/USAGE.md"];

    /// <summary>The commands that <c>ravine --help</c> lists.</summary>
    public static IReadOnlyList<string> Commands()
    {
        var (_, output, _) = CliRunner.Run("--help");
        // A command's line is indented by four spaces; its description's continuation lines, further.
        return output.ReplaceLineEndings("\n").Split('\n').SkipWhile(l => l.Trim() != "COMMANDS:").Skip(1).TakeWhile(l => l.Trim().Length > 0)
            .Where(l => l.StartsWith("    ", StringComparison.Ordinal) && !char.IsWhiteSpace(l[4])).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).ToArray();
    }

    /// <summary>Every command's help examples, in the order of <c>ravine --help</c>: (command, the example's words).</summary>
    public static IReadOnlyList<(string Command, string[] Words)> FromHelp()
    {
        var examples = new List<(string, string[])>();
        foreach (string command in Commands())
        {
            var (code, output, error) = CliRunner.Run(command, "--help");
            Assert.True(code == 0, $"{command} --help: exit {code}: {error}");
            examples.AddRange(Section(output, "EXAMPLES:").Select(line => (command, Split(line).Single())));
        }
        return examples;
    }

    /// <summary>The commands of the <c>sh</c> blocks of <paramref name="document"/>, in order: (line as written, the command's words).</summary>
    public static IReadOnlyList<(string Line, string[] Words)> FromDocument(string document)
    {
        var lines = RepositoryFiles.ReadAllText(document.Split('/')).ReplaceLineEndings("\n").Split('\n');
        var commands = new List<(string, string[])>();
        bool inBlock = false;
        var pending = new StringBuilder();
        foreach (string line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock && line.Trim() == "```sh";
                continue;
            }
            if (!inBlock) continue;
            if (line.EndsWith('\\'))
            {
                pending.Append(line[..^1]).Append(' ');
                continue;
            }
            string whole = pending.Append(line).ToString();
            pending.Clear();
            foreach (var words in Split(whole).Where(w => w.Length > 0))
                commands.Add((whole.Trim(), words));
        }
        return commands;
    }

    /// <summary>
    /// The commands of one shell line, split into words: double and single quotes group (and are removed), a
    /// <c>#</c> that starts a word starts a comment, and <c>&amp;&amp;</c> separates commands.
    /// </summary>
    public static IReadOnlyList<string[]> Split(string line)
    {
        var commands = new List<string[]>();
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else word.Append(c);
                continue;
            }
            if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                End();
                continue;
            }
            if (!inWord && c == '#') break;
            if (!inWord && c == '&' && i + 1 < line.Length && line[i + 1] == '&')
            {
                commands.Add(words.ToArray());
                words.Clear();
                i++;
                continue;
            }
            word.Append(c);
            inWord = true;
        }
        Assert.True(quote == '\0', $"An unclosed quote in: {line}");
        End();
        commands.Add(words.ToArray());
        return commands;

        void End()
        {
            if (!inWord) return;
            words.Add(word.ToString());
            word.Clear();
            inWord = false;
        }
    }

    // The indented lines after a help heading, up to the next blank line.
    private static IEnumerable<string> Section(string help, string heading) =>
        help.ReplaceLineEndings("\n").Split('\n').SkipWhile(l => l.Trim() != heading).Skip(1)
            .TakeWhile(l => l.Trim().Length > 0).Select(l => l.Trim());
}
