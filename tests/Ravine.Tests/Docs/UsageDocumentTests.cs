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

    /// <summary>The command that rewrites the generated tables of USAGE.md from the code.</summary>
    private const string Regenerate = "RAVINE_WRITE_DOCS=1 dotnet test -c Release --filter FullyQualifiedName~UsageDocumentTests";

    /// <summary>
    /// Checks that the lines between the marker comments <c>&lt;!-- NAME --&gt;</c> and <c>&lt;!-- end of NAME --&gt;</c> are
    /// <paramref name="expected"/>; with RAVINE_WRITE_DOCS=1 writes them there instead.
    /// </summary>
    private static void Generated(string name, string expected)
    {
        string begin = $"<!-- {name} -->", end = $"<!-- end of {name} -->";
        var actual = Section(begin, end);
        if (Environment.GetEnvironmentVariable("RAVINE_WRITE_DOCS") == "1" && actual != expected)
        {
            var path = Path.Combine(RepositoryFiles.Root, "docs", "USAGE.md");
            File.WriteAllText(path, Usage.Replace($"{begin}\n{actual}{end}", $"{begin}\n{expected}{end}", StringComparison.Ordinal));
            return;
        }
        Assert.True(actual == expected, $"docs/USAGE.md's {name} table is not the one the code declares; regenerate it with\n  {Regenerate}\nexpected:\n{expected}");
    }

    [Fact]
    public void The_run_options_table_is_generated_from_the_options()
    {
        var rows = RunOptions.All.Select(o => $"| `{(o.ValueName.Length == 0 ? o.Flag : o.Flag + " " + o.ValueName)}` | {o.Default} | {o.Meaning} |\n");
        Generated("run options", "| option | default | meaning |\n|---|---|---|\n" + string.Concat(rows));
    }

    [Fact]
    public void The_config_keys_table_is_generated_from_the_options()
    {
        var rows = RunOptions.Settings.Select(s => $"| `{s.Option.Name}` | {s.Setting.JsonType} | `{s.Option.Flag}` |\n");
        Generated("config keys", "| key | JSON type | as option |\n|---|---|---|\n" + string.Concat(rows));
    }

    [Fact]
    public void The_method_options_are_left_to_ravine_methods_and_every_method_flag_named_exists()
    {
        // Per-method rows here would need an edit for every new method; `ravine methods NAME` prints them from the schemas.
        Assert.DoesNotContain("| method | option |", Usage, StringComparison.Ordinal);
        var keys = Ravine.Methods.MethodRegistry.All.SelectMany(m => m.Options).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var named = System.Text.RegularExpressions.Regex.Matches(Section("### Method options", "#### "), "`--?([A-Za-z][A-Za-z0-9-]*)[ =`]").Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(named);
        Assert.All(named, key => Assert.True(keys.Contains(key) || key is "KEY" or "fstar", $"USAGE.md's method options name --{key}, which no method has."));
    }

    [Fact]
    public void The_config_example_parses()
    {
        var block = Section("<!-- config example -->", "```\n");
        var settings = RunSettingsJson.Parse(block["```json\n".Length..], "USAGE.md", "/base");
        Assert.Equal(new RunSettings { Problem = "single-neuron", Data = "/base/inst", MethodOptions = Experiments.Options.Of("eta", "1.5", "K", "100", "epochs", "25") }, settings);
    }
}
