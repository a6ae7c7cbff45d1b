namespace Ravine.Tests.Cli;

/// <summary><c>ravine … --help | less</c>: help and tables piped carry no padding at the ends of their lines, and no colours.</summary>
[Collection(ChildProcessCollection.Name)]
public class PipedHelpProcessTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("compare", "--help")]
    [InlineData("methods")]
    public void Piped_output_has_no_trailing_spaces(params string[] args)
    {
        using var child = new CliChild(args);
        int code = child.WaitForExit();
        string output = child.Output.ReplaceLineEndings("\n");
        Assert.True(code == 0, $"exit {code}: {child.Error}");
        var lines = output.Split('\n');
        Assert.True(lines.Length > 5, output);
        var padded = lines.Where(l => l.Length > 0 && char.IsWhiteSpace(l[^1])).ToArray();
        Assert.True(padded.Length == 0, $"{padded.Length} lines end in spaces, e.g. '{padded.FirstOrDefault()}'");
    }

    [Theory]
    [InlineData("methods", "adgd")]
    [InlineData("compare", "--help")]
    [InlineData("run", "--problem", "quartic-rosenbrock", "--method", "gd", "--max-iters", "3", "--out", "{scratch}")]
    public void Piped_output_has_no_escape_codes_even_where_the_terminal_type_has_colours(params string[] args)
    {
        using var folder = new Ravine.Tests.IO.ScratchFolder();
        string[] resolved = args.Select(a => a == "{scratch}" ? Path.Combine(folder.Root, "out") : a).ToArray();
        // A terminal type that supports colours, as an interactive shell exports it and `ravine … > file` inherits it.
        using var child = new CliChild(new Dictionary<string, string> { ["TERM"] = "xterm-256color" }, resolved);
        int code = child.WaitForExit();
        Assert.True(code == 0, $"exit {code}: {child.Error}");
        Assert.True(child.Output.Length > 0, child.Error);
        Assert.DoesNotContain('\u001b', child.Output);
    }
}
