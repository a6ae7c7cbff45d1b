using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

public class SweepCommandTests
{
    [Fact]
    public void Sweep_writes_a_csv_row_per_cell_and_two_heatmaps()
    {
        using var scratch = new ScratchFolder();
        string folder = Path.Combine(scratch.Root, "sweep");
        var (code, output, error) = CliRunner.Run("sweep", "--problem", "quartic-rosenbrock", "--method", "gdpolyak",
            "--grid", "eta=0.001,0.0125,0.05", "--grid", "K=10,100", "--max-calls", "500", "--out", folder, "--format", "markdown");
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        var lines = File.ReadAllLines(Path.Combine(folder, "sweep.csv"));
        Assert.Equal(1 + 3 * 2, lines.Length);
        Assert.StartsWith("method,problem,eta,K,setting,seeds,solved_1e-10,best_gap_median", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("gdpolyak,quartic-rosenbrock,0.0125,100,eta=0.0125 K=100,1,", StringComparison.Ordinal));
        foreach (string file in new[] { "best-gap.png", "best-gap.svg", "calls-to-target.png", "calls-to-target.svg" })
            Assert.True(new FileInfo(Path.Combine(folder, file)).Length > 1000, file);
        Assert.Contains("| K \\ eta | 0.001 | 0.0125 | 0.05 |", output);
    }

    [Fact]
    public void Sweep_by_default_grids_eta_and_K_around_the_published_setting()
    {
        using var scratch = new ScratchFolder();
        string folder = Path.Combine(scratch.Root, "sweep");
        var (code, output, error) = CliRunner.Run("sweep", "--problem", "quartic-rosenbrock", "--method", "gdpolyak", "--max-calls", "50", "--out", folder);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.Equal(1 + 6 * 5, File.ReadAllLines(Path.Combine(folder, "sweep.csv")).Length);
    }

    [Theory]
    [InlineData("--grid", "zeta=1:2:2")]
    [InlineData("--grid", "eta")]
    [InlineData("--seeds", "0")]
    public void Sweep_with_bad_arguments_exits_2_on_one_line(string option, string value)
    {
        var (code, _, error) = CliRunner.Run("sweep", "--problem", "beale", "--method", "gd", option, value);
        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
    }
}
