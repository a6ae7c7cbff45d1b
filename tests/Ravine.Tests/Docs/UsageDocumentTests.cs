using Ravine.Problems;
using Ravine.Cli.Experiments;
using Ravine.Instances;

namespace Ravine.Tests.Docs;

/// <summary>docs/USAGE.md must not drift from the code it documents.</summary>
public class UsageDocumentTests
{
    private static string Usage => RepositoryFiles.ReadAllText("docs", "USAGE.md").ReplaceLineEndings("\n");

    /// <summary>The text between a marker line and the next line that starts with <paramref name="end"/>.</summary>
    private static string Section(string marker, string end)
    {
        var usage = Usage;
        int start = usage.IndexOf(marker + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"USAGE.md has no line '{marker}'.");
        start += marker.Length + 1;
        int stop = usage.IndexOf("\n" + end, start, StringComparison.Ordinal);
        Assert.True(stop >= 0, $"USAGE.md has no '{end}' after '{marker}'.");
        return usage[start..(stop + 1)];
    }

    [Fact]
    public void The_example_in_USAGE_is_identical_to_the_compiled_example_file()
    {
        var block = Section("<!-- docs/examples/OwnObjective.cs -->", "```\n");
        Assert.StartsWith("```csharp\n", block);
        var file = RepositoryFiles.ReadAllText("docs", "examples", "OwnObjective.cs").ReplaceLineEndings("\n");
        Assert.Equal(file, block["```csharp\n".Length..]);
    }

    [Fact]
    public void The_table_of_instance_files_matches_the_formats()
    {
        var rows = Section("<!-- instance formats -->", "<!-- end of instance formats -->").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2);
        var expected = InstanceFormats.All.SelectMany(format => format.Files.Select(file =>
            $"| `{format.Problem}` | `{file.Name}` | {file.Shape} | {(file.Required ? "yes" : "no")} | {file.Meaning} |"));
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void The_config_keys_table_lists_exactly_the_parsed_keys()
    {
        var rows = Section("<!-- config keys -->", "<!-- end of config keys -->").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2);
        Assert.Equal(RunSettingsJson.Keys, rows.Select(row => row.Split('`')[1]));
    }

    [Fact]
    public void The_method_options_table_lists_every_option_of_every_method_with_its_default_and_domain()
    {
        var rows = Section("<!-- method options -->", "<!-- end of method options -->").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(row => row.Split('|', StringSplitOptions.TrimEntries)).ToArray();
        var expected = Ravine.Methods.MethodRegistry.All.SelectMany(m => m.Options.Select(o => (m.Name, o))).ToArray();
        Assert.Equal(expected.Select(e => ($"`{e.Name}`", $"`{e.o.Key}`", e.o.Domain)), rows.Select(r => (r[1], r[2], r[4])));
        foreach (var (row, (_, option)) in rows.Zip(expected))
            // No default of its own: the row says in brackets where the value comes from (the paper, or the method's rule).
            Assert.True(option.Default is null ? row[3].StartsWith('(') : row[3] == option.Default, $"{option.Key}: {row[3]}");
    }

    [Fact]
    public void The_config_example_parses()
    {
        var block = Section("<!-- config example -->", "```\n");
        var settings = RunSettingsJson.Parse(block["```json\n".Length..], "USAGE.md", "/base");
        Assert.Equal(new RunSettings { Problem = "single-neuron", Data = "/base/inst", MethodOptions = Experiments.Options.Of("eta", "1.5", "K", "100", "epochs", "25") }, settings);
    }
}
