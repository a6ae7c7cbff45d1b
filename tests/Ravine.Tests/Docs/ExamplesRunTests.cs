using System.Xml.Linq;
using Ravine.Tests.Cli;
using Ravine.Tests.IO;
using Xunit.Abstractions;

namespace Ravine.Tests.Docs;

/// <summary>
/// Every example of every command's <c>--help</c> and of the <c>sh</c> blocks of README.md and docs/USAGE.md runs as
/// written, in order, in a fresh folder per source (so an example that reads what an earlier one wrote finds it).
/// What is executed and what is not:
/// <list type="bullet">
/// <item><b>Run in full</b> (in-process, exit code 0 required): <c>run</c>, <c>generate</c>, <c>methods</c>, <c>--help</c>
/// and <c>--version</c>. Relative paths (<c>--out</c>, <c>--data</c>, <c>--config</c>, <c>--resume</c>) are taken in the
/// scratch folder; a <c>run</c> without <c>--out</c> gets one there (instead of <c>./ravine-results/</c>), and one
/// without <c>--max-iters</c> gets <c>--max-iters</c> <see cref="IterationCap"/>: the instance, method, options and
/// outputs are the example's, only the budget is cut.</item>
/// <item><b>Parsed and checked, not run</b> (<c>RavineApp.CheckOnly</c>: the command line parsed by the real parser, the
/// settings validated and the plan built as the command does before any work, exit code 0 required): the commands that run many
/// experiments or run for minutes (<c>reproduce</c>, <c>compare</c>, <c>sweep</c>, <c>versus</c>, <c>bench</c>, <c>train</c>), the
/// long-lived <c>worker</c>, runs on a cluster (<c>--cluster</c>, <c>--membership</c>), resized instances (<c>run --size</c>, <c>generate
/// --dimension/--width/--rank/--measurements</c>: gigabytes), runs on the data such a generate would have written, and
/// runs on a problem that needs an installed data set (fashion-mnist).</item>
/// <item><b>Provided when no earlier example provides it:</b> a <c>--config</c> file (docs/USAGE.md's config example, its
/// <c>data</c> a freshly generated instance of its problem), a <c>--data</c> folder (<c>ravine generate</c> of the run's
/// problem), a <c>--resume</c> folder (a run of <see cref="IterationCap"/> iterations interrupted before its first).</item>
/// <item><b>Not run, checked:</b> <c>dotnet run --project src/Ravine.Cli … -- ARGS</c> is <c>ravine ARGS</c>; <c>dotnet test</c> is this suite; <c>dotnet pack P</c> needs P to be a packable tool project and
/// <c>dotnet tool install … ID</c> a tool project whose package id is ID. Other shell commands are listed in the
/// test's output as not checked.</item>
/// </list>
/// </summary>
public class ExamplesRunTests(ITestOutputHelper log)
{
    /// <summary>The iteration budget given to a <c>run</c> example that sets none (see the class summary).</summary>
    public const int IterationCap = 60;

    private static readonly HashSet<string> CheckedOnlyCommands = ["reproduce", "compare", "sweep", "versus", "bench", "worker", "train"];
    private static readonly HashSet<string> SizeOptions = ["--size", "--dimension", "--width", "--rank", "--measurements"];
    private static readonly HashSet<string> PathOptions = ["--out", "--data", "--config", "--resume", "--x0"];

    [Fact]
    public void Every_command_has_examples_and_the_documents_have_commands()
    {
        var help = ExampleCommands.FromHelp();
        foreach (string command in ExampleCommands.Commands())
            Assert.Contains(help, e => e.Command == command);
        foreach (string document in ExampleCommands.Documents)
            Assert.True(ExampleCommands.FromDocument(document).Count(c => RavineArguments(c.Words) is not null) >= 5, $"{document}: fewer than 5 ravine commands found");
    }

    [Fact]
    public void The_splitter_reads_quotes_comments_and_chains_as_a_shell_does()
    {
        Assert.Equal([["ravine", "versus", "--reference", "gdpolyak eta=1", "--x", "a b"]], ExampleCommands.Split("ravine versus --reference \"gdpolyak eta=1\" --x 'a b'  # a comment \"x"));
        Assert.Equal([["a", "b"], ["c"]], ExampleCommands.Split("a b && c"));
        Assert.Equal([["a#b"]], ExampleCommands.Split("a#b"));
    }

    [Fact]
    public void A_broken_example_is_reported_whether_run_or_only_checked()
    {
        using var scratch = new ScratchFolder();
        var folders = new HashSet<string>(StringComparer.Ordinal);
        // The unquoted SPEC that versus --help used to print, and a contender without its settings: checked only.
        Assert.StartsWith("FAILED: parsed and checked", RunRavine(["versus", "--reference", "gdpolyak", "eta=1e-4", "K=100"], scratch.Root, folders));
        Assert.StartsWith("FAILED: parsed and checked", RunRavine(["versus", "--problems", "cragg-levy"], scratch.Root, folders));
        Assert.StartsWith("FAILED: parsed and checked", RunRavine(["run", "--problem", "quadratic-sensing", "--data", "big", "--cluster", "127.0.0.1:1", "--method", "gd", "--fstar", "0"], scratch.Root, folders));
        Assert.StartsWith("FAILED: run", RunRavine(["run", "--problem", "beale", "--method", "gd"], scratch.Root, folders));
        Assert.Equal("run (--max-iters 60 added)", RunRavine(["run", "--problem", "beale", "--method", "gd", "--eta", "1e-3"], scratch.Root, folders));
    }

    [Fact]
    public void The_help_examples_run_as_written() =>
        RunAll("help", ExampleCommands.FromHelp().Select(e => (Line: "ravine " + string.Join(' ', e.Words), Words: (string[])["ravine", .. e.Words[1..]])).ToList());

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/USAGE.md")]
    public void The_document_examples_run_as_written(string document) => RunAll(document, ExampleCommands.FromDocument(document));

    private void RunAll(string source, IReadOnlyList<(string Line, string[] Words)> examples)
    {
        using var scratch = new ScratchFolder();
        var failures = new List<string>();
        var checkedOnlyFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, words) in examples)
        {
            string? outcome = RavineArguments(words) is { } args ? RunRavine(args, scratch.Root, checkedOnlyFolders) : CheckOther(words);
            log.WriteLine($"{source}: {line}\n    {outcome ?? "not checked: not a ravine or dotnet command"}");
            if (outcome is not null && outcome.StartsWith("FAILED", StringComparison.Ordinal)) failures.Add($"{line}\n    {outcome}");
        }
        Assert.True(failures.Count == 0, $"{source}: {failures.Count} example(s) failed:\n{string.Join("\n", failures)}");
    }

    /// <summary>The arguments of <c>ravine ARGS</c> or <c>dotnet run --project …Ravine.Cli … -- ARGS</c>, else null.</summary>
    private static string[]? RavineArguments(string[] words)
    {
        if (words is ["ravine", .. var args]) return args;
        if (words is ["dotnet", "run", ..] && Array.IndexOf(words, "--") is var dashes and > 0)
        {
            // Another project (a user's own, in a library example) is not the CLI: not checked here.
            int project = Array.IndexOf(words, "--project");
            return project > 0 && project + 1 < words.Length && Path.GetFileName(words[project + 1].TrimEnd('/')) == "Ravine.Cli"
                && Directory.Exists(Path.Combine(RepositoryFiles.Root, words[project + 1])) ? words[(dashes + 1)..] : null;
        }
        return null;
    }

    private static string RunRavine(string[] args, string root, HashSet<string> checkedOnlyFolders)
    {
        var words = args.ToList();
        for (int i = 0; i + 1 < words.Count; i++)
            if (PathOptions.Contains(words[i]) && !Path.IsPathRooted(words[i + 1]))
                words[i + 1] = Path.Combine(root, words[i + 1]);
        string? command = words.FirstOrDefault();
        string? data = Value(words, "--data");
        bool checkOnly = command is not null && (CheckedOnlyCommands.Contains(command) || words.Contains("--cluster") || words.Contains("--membership") || words.Any(SizeOptions.Contains)
            || (data is not null && checkedOnlyFolders.Contains(data)) || NeedsDataSet(Value(words, "--problem")));
        var notes = new List<string>();
        if (Value(words, "--config") is { } config && !File.Exists(config))
        {
            WriteConfig(config, root);
            notes.Add("config file provided");
        }
        if (command == "run" && !checkOnly)
        {
            if (Value(words, "--resume") is { } resume && !File.Exists(Path.Combine(resume, "checkpoint.json")))
            {
                Interrupted(resume);
                notes.Add("interrupted run provided");
            }
            if (data is not null && !Directory.Exists(data) && Value(words, "--problem") is { } problem)
            {
                Require(CliRunner.Run("generate", problem, "--out", data), $"generate {problem} for --data");
                notes.Add("data folder provided");
            }
            if (Value(words, "--resume") is null)
            {
                if (Value(words, "--out") is null) words.AddRange(["--out", Path.Combine(root, $"out-{Guid.NewGuid():N}")]);
                if (Value(words, "--max-iters") is null && !words.Contains("--help"))
                {
                    words.AddRange(["--max-iters", IterationCap.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    notes.Add($"--max-iters {IterationCap} added");
                }
            }
        }
        if (checkOnly && command == "generate" && Value(words, "--out") is { } written) checkedOnlyFolders.Add(written);
        var (code, output, error) = checkOnly ? CliRunner.CheckOnly([.. words]) : CliRunner.Run([.. words]);
        string how = (checkOnly ? "parsed and checked, not run" : "run") + (notes.Count > 0 ? $" ({string.Join("; ", notes)})" : "");
        return code == 0 ? how : $"FAILED: {how}: exit {code}: {error.Trim()} {(error.Length == 0 ? output : "")}";
    }

    // A problem on an installed data set (fashion-mnist): a clone may not have it, and loading it is not a test's work.
    private static bool NeedsDataSet(string? problem) =>
        problem is not null && Ravine.Problems.ProblemRegistry.Names.Contains(problem, StringComparer.OrdinalIgnoreCase)
        && Ravine.Problems.ProblemRegistry.Find(problem).NeedsExternalData;

    private static string? Value(List<string> words, string option)
    {
        int i = words.IndexOf(option);
        return i >= 0 && i + 1 < words.Count ? words[i + 1] : null;
    }

    // docs/USAGE.md's config example, its relative data folder replaced by a generated instance of its problem.
    private static void WriteConfig(string path, string root)
    {
        string usage = RepositoryFiles.ReadAllText("docs", "USAGE.md").ReplaceLineEndings("\n");
        int start = usage.IndexOf("```json\n", usage.IndexOf("<!-- config example -->", StringComparison.Ordinal), StringComparison.Ordinal) + "```json\n".Length;
        string json = usage[start..usage.IndexOf("```\n", start, StringComparison.Ordinal)];
        var settings = Ravine.Cli.Experiments.RunSettingsJson.Parse(json, "USAGE.md", root);
        string data = Path.Combine(root, $"config-data-{Guid.NewGuid():N}");
        Require(CliRunner.Run("generate", settings.Problem, "--out", data), "generate the config example's data");
        string fromFile = settings.Data ?? "";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, settings.Data is null ? json : json.Replace($"\"{Path.GetRelativePath(root, fromFile)}\"", System.Text.Json.JsonSerializer.Serialize(data), StringComparison.Ordinal));
    }

    // A run stopped before its first iteration, as Ctrl+C stops it: the folder holds its checkpoint.
    private static void Interrupted(string folder)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var (code, _, error) = CliRunner.Run(cancelled.Token, "run", "--problem", "quartic-rosenbrock", "--max-iters", IterationCap.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", folder);
        Assert.True(File.Exists(Path.Combine(folder, "checkpoint.json")), $"no checkpoint after an interrupted run (exit {code}: {error})");
    }

    private static void Require((int ExitCode, string Output, string Error) result, string what) =>
        Assert.True(result.ExitCode == 0, $"{what}: exit {result.ExitCode}: {result.Error}");

    // dotnet commands other than run: the projects and package they name must be the repository's.
    private static string? CheckOther(string[] words)
    {
        if (words is not ["dotnet", var verb, ..]) return null;
        var tools = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(XDocument.Load).Where(p => p.Descendants("PackAsTool").Any(e => e.Value == "true")).ToArray();
        switch (verb)
        {
            case "test":
                return "not run: it is this test suite";
            case "pack":
                string project = Path.Combine(RepositoryFiles.Root, words[2]);
                bool tool = Directory.Exists(project) && Directory.GetFiles(project, "*.csproj").Select(XDocument.Load)
                    .Any(p => p.Descendants("PackAsTool").Any(e => e.Value == "true"));
                return tool ? "not run (minutes): the project exists and packs as a tool" : $"FAILED: {words[2]} is not a tool project of the repository";
            case "tool" when words.Length > 2 && words[2] == "install":
                string id = words[^1];
                return tools.Any(p => p.Descendants("PackageId").Any(e => e.Value == id) && p.Descendants("ToolCommandName").Any(e => e.Value == "ravine"))
                    ? "not run (installs): a tool project has this package id and the command name ravine"
                    : $"FAILED: no tool project has the package id {id}";
            default:
                return null;
        }
    }
}
