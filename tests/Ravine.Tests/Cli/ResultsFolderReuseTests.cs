using Ravine.Cli.Experiments;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary>
/// A reused <c>--out</c> folder: an earlier Ravine experiment's files there are deleted before the new one writes, so
/// none of them looks like part of the new results; a folder with anything else, or an interrupted run, is refused.
/// </summary>
public class ResultsFolderReuseTests
{
    private static void Succeeds(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
    }

    private static string[] Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_second_run_into_the_same_folder_leaves_none_of_the_first_runs_files()
    {
        using var folder = new ScratchFolder();
        string output = folder.File("out");
        Succeeds("run", "--problem", "quartic-rosenbrock", "--method", "gd", "--max-iters", "50", "--out", output);
        Succeeds("run", "--problem", "single-neuron", "--method", "polyak", "--max-iters", "50", "--out", output);
        string[] expected =
        [
            ExperimentFiles.ManifestName,
            .. new[] { "distance", "gap", "stepsize" }.SelectMany(f => new[] { $"single-neuron/{f}.png", $"single-neuron/{f}.svg" }),
            "single-neuron/polyak.csv", "single-neuron/polyak.json", "summary.json", "best_x.npy", "x.npy",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Files(output));
    }

    [Fact]
    public void Reproduce_into_a_run_folder_leaves_none_of_the_runs_files()
    {
        using var folder = new ScratchFolder();
        string output = folder.File("out");
        Succeeds("run", "--problem", "quartic-rosenbrock", "--method", "adam", "--max-iters", "50", "--out", output);
        Succeeds("reproduce", "--quick", "--problems", "quartic-rosenbrock", "--methods", "gd", "--out", output);
        Assert.False(File.Exists(Path.Combine(output, "quartic-rosenbrock", "adam.csv")));
        Assert.False(File.Exists(Path.Combine(output, "x.npy")));
        Assert.False(File.Exists(Path.Combine(output, "best_x.npy")));
        Assert.True(File.Exists(Path.Combine(output, "quartic-rosenbrock", "gd.csv")));
    }

    [Fact]
    public void Files_that_ravine_did_not_write_stay_when_a_results_folder_is_reused()
    {
        using var folder = new ScratchFolder();
        string output = folder.File("out");
        Succeeds("run", "--problem", "quartic-rosenbrock", "--method", "gd", "--max-iters", "50", "--out", output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        File.WriteAllText(Path.Combine(output, "quartic-rosenbrock", "notes.txt"), "mine too");
        Succeeds("run", "--problem", "single-neuron", "--method", "gd", "--max-iters", "50", "--out", output);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.Equal(["notes.txt"], Directory.GetFiles(Path.Combine(output, "quartic-rosenbrock")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_non_empty_folder_that_holds_no_ravine_results_is_refused_before_any_work()
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(folder.File("thesis.tex"), "");
        var (code, output, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--out", folder.Root);
        Assert.Equal(2, code);
        Assert.Equal($"ravine: {folder.Root}: not empty, and not a folder of Ravine results (it has no {ExperimentFiles.ManifestName} list of the files Ravine wrote); give a new or empty folder, so that the results are not mixed with other files\n", error);
        Assert.Equal(["thesis.tex"], Files(folder.Root));
        Assert.DoesNotContain("quartic-rosenbrock", output);
    }

    [Fact]
    public void A_folder_holding_an_interrupted_run_is_refused_for_a_new_run_pointing_to_resume()
    {
        using var folder = new ScratchFolder();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.Equal(130, CliRunner.Run(cancellation.Token, "run", "--problem", "quartic-rosenbrock", "--out", folder.Root).ExitCode);
        var (code, _, error) = CliRunner.Run("run", "--problem", "single-neuron", "--out", folder.Root);
        Assert.Equal(2, code);
        Assert.Equal($"ravine: {folder.Root}: holds an interrupted run (checkpoint.json); continue it with ravine run --resume {folder.Root}, or give another folder (or delete {Path.Combine(folder.Root, "checkpoint.json")} to start over in this one)\n", error);
        Assert.Equal(0, CliRunner.Run("run", "--resume", folder.Root).ExitCode);
    }
}
