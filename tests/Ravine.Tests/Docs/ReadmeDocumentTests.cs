using Ravine.Examples;

namespace Ravine.Tests.Docs;

/// <summary>README.md must not drift from the code: its library snippet compiles and runs, its commands are the tested ones.</summary>
public class ReadmeDocumentTests
{
    private static string Readme => RepositoryFiles.ReadAllText("README.md").ReplaceLineEndings("\n");

    /// <summary>The first fenced block of <paramref name="language"/> after the heading <paramref name="heading"/>, without its fences.</summary>
    private static string Block(string heading, string language)
    {
        string readme = Readme;
        int section = readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(section >= 0, $"README.md has no heading '{heading}'.");
        int start = readme.IndexOf("```" + language + "\n", section, StringComparison.Ordinal) + language.Length + 4;
        return readme[start..readme.IndexOf("```\n", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void The_library_snippet_is_the_compiled_example_line_for_line()
    {
        var lines = Block("## Use it as a library", "csharp").TrimEnd('\n').Split('\n');
        var usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal)).ToArray();
        var body = lines.Skip(usings.Length).SkipWhile(l => l.Length == 0).ToArray();
        var file = RepositoryFiles.ReadAllText("docs", "examples", "ReadmeLibraryExample.cs").ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(usings, file.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal)));
        var compiled = file.SkipWhile(l => l.Trim() != "// README.md begins").Skip(1).TakeWhile(l => l.Trim() != "// README.md ends")
            .Select(l => l.Length >= 8 ? l[8..] : l.TrimStart());
        Assert.Equal(body, compiled);
    }

    [Fact]
    public void The_library_snippet_runs_to_the_gap_tolerance()
    {
        var output = new StringWriter();
        ReadmeLibraryExample.Run(output);
        Assert.Contains("GapTolerance", output.ToString());
    }

    [Fact]
    public void The_quick_start_is_the_reproduction_and_the_tests()
    {
        Assert.Equal("""
            dotnet run --project src/Ravine.Cli -c Release -- reproduce   # the main job
            dotnet test -c Release                                        # the tests

            """, Block("## Quick start (a fresh machine with the .NET 10 SDK)", "sh"));
    }

    [Fact]
    public void The_readme_gives_the_whole_tool_install_command()
    {
        Assert.Contains("dotnet pack src/Ravine.Cli -c Release -o nupkg && dotnet tool install --global --add-source nupkg Ravine.Cli", Readme);
    }

    [Fact]
    public void The_cluster_section_shows_two_workers_and_a_cluster_run()
    {
        var lines = Block("## Beyond one machine: `ravine worker` and `run --cluster`", "sh").TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("ravine worker --silo-port 11111 --gateway-port 30000 ", lines[0]);
        Assert.StartsWith("ravine worker --silo-port 11112 --gateway-port 30001 --primary 127.0.0.1:11111 ", lines[1]);
        Assert.StartsWith("ravine run --cluster 127.0.0.1:30000,127.0.0.1:30001 --shards 4 --problem quadratic-sensing ", lines[2]);
    }
}
