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
            Assert.Contains(method.Options.Count == 0 ? $" {method.Name}," : $" {method.Name} ({string.Join(" ", method.Options.Select(o => "--" + o.Key))})", help);
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
        var line = Assert.Single(Help("reproduce").Split('\n'), l => l.Contains("--format <FORMAT>", StringComparison.Ordinal));
        Assert.Matches(@"--format <FORMAT>\s+text\s", line);
    }

    [Fact]
    public void Version_prints_the_assembly_version_and_exits_0()
    {
        var (code, output, _) = CliRunner.Run("--version");
        Assert.Equal(0, code);
        Assert.Equal(ExperimentSummary.LibraryVersion, output.Trim());
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
