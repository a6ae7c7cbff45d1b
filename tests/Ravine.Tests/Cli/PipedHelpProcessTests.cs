namespace Ravine.Tests.Cli;

/// <summary><c>ravine … --help | less</c>: help and tables piped carry no padding at the ends of their lines.</summary>
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
}
