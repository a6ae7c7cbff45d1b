using Ravine.Cli.Experiments;
using Ravine.Cli.Output;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary>
/// The default folder of <c>compare</c> or <c>sweep</c> holds that command's results: a later <c>run</c> or
/// <c>reproduce</c> given it as <c>--out</c> refuses it (exit 2, one line), as it refuses any folder of other files,
/// rather than writing its files among the comparison's.
/// </summary>
public class OwnedResultsFolderTests
{
    [Theory]
    [InlineData("compare", "run")]
    [InlineData("sweep", "run")]
    [InlineData("compare", "reproduce")]
    public void Run_and_reproduce_refuse_the_default_folder_of_another_command(string owner, string command)
    {
        using var scratch = new ScratchFolder();
        string folder = ResultsFolder.Default(scratch.Root, owner + "-", owner);
        string[] args = command == "run"
            ? ["run", "--problem", "quartic-rosenbrock", "--method", "gd", "--max-iters", "5", "--out", folder]
            : ["reproduce", "--quick", "--problems", "quartic-rosenbrock", "--methods", "gd", "--out", folder];
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal($"ravine: {Path.GetFullPath(folder)}: holds the results of ravine {owner} ({ExperimentFiles.OwnerName}); give a new or empty folder, so that the results are not mixed\n", error);
        Assert.DoesNotContain("quartic-rosenbrock", output);
        Assert.Equal([ExperimentFiles.ManifestName, ExperimentFiles.OwnerName], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_default_run_folder_is_still_taken_by_the_run()
    {
        using var scratch = new ScratchFolder();
        string folder = ResultsFolder.Default(scratch.Root, "run-");
        var (code, _, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--method", "gd", "--max-iters", "5", "--out", folder);
        Assert.True(code == 0, error);
        Assert.False(File.Exists(Path.Combine(folder, ExperimentFiles.OwnerName)));
    }
}
