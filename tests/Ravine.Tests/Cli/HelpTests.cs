using Ravine.Cli.Experiments;
using Ravine.Methods;
using Ravine.Problems;

namespace Ravine.Tests.Cli;

/// <summary><c>--help</c>, <c>--version</c> and a bare <c>ravine</c>.</summary>
public class HelpTests
{
    private static string Help(params string[] args)
    {
        var (code, output, error) = CliRunner.Run([.. args, "--help"]);
        Assert.True(code == 0, $"exit {code}: {error}");
        return output;
    }

    [Fact]
    public void Run_help_shows_verbose()
    {
        Assert.Contains("--verbose", Help("run"));
    }

    [Fact]
    public void Run_help_explains_the_method_options_and_lists_every_method_and_problem()
    {
        // The test console is 200 columns wide, so the description wraps: compare with whitespace runs collapsed.
        string help = System.Text.RegularExpressions.Regex.Replace(Help("run"), @"\s+", " ");
        Assert.Contains("--KEY VALUE", help);
        Assert.Contains("ravine methods", help);
        foreach (var method in MethodRegistry.All)
            Assert.Contains(method.Options.Count == 0 ? $" {method.Name}," : $" {method.Name} ({string.Join(" ", method.Options.Select(o => o.Flag))})", help);
        foreach (string problem in ProblemRegistry.Names)
            Assert.Contains(problem, help);
    }

    [Fact]
    public void Bench_help_does_not_speak_of_reproduces_claims()
    {
        Assert.DoesNotContain("claim", Help("bench"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Generate_help_says_out_is_required()
    {
        var line = Assert.Single(Help("generate").Split('\n'), l => l.Contains("--out <DIR>", StringComparison.Ordinal));
        Assert.Contains("required", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Defaults_are_shown_as_they_are_typed()
    {
        foreach (string command in new[] { "reproduce", "bench", "compare", "sweep", "versus" })
        {
            var line = Assert.Single(Help(command).Split('\n'), l => l.Contains("--format <FORMAT>", StringComparison.Ordinal));
            Assert.Contains("text (default)", line);
            Assert.DoesNotMatch(@"\b(Text|Markdown|Json)\b", line);
        }
    }

    [Fact]
    public void Every_default_is_said_once_in_the_options_description()
    {
        // One place for a default: the description (as run, generate and worker say it), not also a DEFAULT column.
        foreach (string command in Commands)
        {
            string help = Help(command);
            Assert.DoesNotMatch(@"(?m)^\s+DEFAULT\s*$", help);
            foreach (string line in help.Split('\n').Where(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal)))
                Assert.True(System.Text.RegularExpressions.Regex.Matches(line, @"\bdefault\b(?!,)", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Count <= 1, $"{command}: {line.Trim()}");
        }
    }

    [Fact]
    public void Generate_help_names_its_problems_where_it_says_it_does()
    {
        string help = Help("generate");
        Assert.DoesNotContain("--help lists", help);
        var argument = Assert.Single(help.Split('\n'), l => l.TrimStart().StartsWith("<PROBLEM>", StringComparison.Ordinal));
        foreach (var format in InstanceFormats.All)
            Assert.Contains(format.Problem, argument);
    }

    [Fact]
    public void One_letter_method_options_are_written_with_one_dash_everywhere_and_the_parser_takes_that()
    {
        var (code, output, _) = CliRunner.Run("methods");
        Assert.Equal(0, code);
        Assert.Contains(" -K ", output);
        Assert.DoesNotMatch(@"--K\b", output);
        Assert.DoesNotMatch(@"--K\b", CliRunner.Run("methods", "gdpolyak").Output);
        Assert.DoesNotMatch(@"--K\b", Help("run"));
        foreach (string document in new[] { "README.md", "docs/USAGE.md" })
            Assert.DoesNotMatch(@"--K\b", Ravine.Tests.Docs.RepositoryFiles.ReadAllText(document.Split('/')));
        using var scratch = new Ravine.Tests.IO.ScratchFolder();
        var run = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "-K", "7", "--epochs", "1", "--out", scratch.Root);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public void Version_prints_the_assembly_version_and_exits_0()
    {
        var (code, output, _) = CliRunner.Run("--version");
        Assert.Equal(0, code);
        Assert.Equal(ResultsHeader.LibraryVersion, output.Trim());
    }

    [Fact]
    public void Bare_ravine_prints_help_and_exits_2()
    {
        var (code, output, _) = CliRunner.Run();
        Assert.Equal(2, code);
        Assert.Contains("COMMANDS:", output);
    }

    private static readonly string[] Commands = ["reproduce", "run", "worker", "bench", "compare", "sweep", "versus", "methods", "generate"];

    [Fact]
    public void Ravine_help_lists_every_command()
    {
        // A named command registers only itself (RavineApp.Create); without one, all of them must be there.
        string help = Help();
        foreach (string command in Commands)
            Assert.Matches($@"(?m)^\s+{command}\s", help);
    }

    [Fact]
    public void An_unknown_command_is_an_error_that_names_it()
    {
        var (code, _, error) = CliRunner.Run("rn", "--problem", "beale");
        Assert.Equal(2, code);
        Assert.Contains("'rn'", error);
    }

    [Fact]
    public void Each_command_parses_its_own_options_when_registered_alone()
    {
        // Each command's help, given with only that command registered, shows its usage line.
        foreach (string command in Commands)
            Assert.Contains($"ravine {command}", Help(command));
    }
}
