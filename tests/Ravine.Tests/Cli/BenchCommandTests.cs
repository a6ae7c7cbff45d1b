using Ravine.Cli.Experiments;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

public class BenchCommandTests
{
    [Fact]
    public void Bench_prints_a_table_and_saves_the_same_timings_as_json()
    {
        using var folder = new ScratchFolder();
        string path = Path.Combine(folder.Root, "sub", "timings.json");
        var (code, output, error) = CliRunner.Run("bench", "--problems", "quartic-rosenbrock", "--quick", "--runs", "2", "--out", path, "--format", "markdown");
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.Equal("", error);

        var report = ExperimentJson.Deserialize<BenchReport>(File.ReadAllText(path));
        Assert.Equal(["gdpolyak", "gd", "polyak"], report.Runs.Select(r => r.Method));
        Assert.All(report.Runs, r => Assert.Equal(2, r.Seconds.Count));
        Assert.True(report.Quick);
        Assert.Equal(2, report.Repetitions);
        Assert.Contains("ravine bench --problems quartic-rosenbrock --quick --runs 2", report.CommandLine);
        Assert.Contains("| problem | method | calls | median | min | calls/s | GFLOP/s |", output);
        Assert.Contains("| quartic-rosenbrock | gdpolyak | 1,011 |", output);
        Assert.Contains("| total |", output);
        Assert.Contains("Timings: " + path, output);
    }

    [Fact]
    public void Bench_json_prints_only_the_report()
    {
        using var folder = new ScratchFolder();
        var (code, output, _) = CliRunner.Run("bench", "--problems", "quartic-rosenbrock", "--methods", "gd", "--quick", "--runs", "1",
            "--out", Path.Combine(folder.Root, "t.json"), "--format", "json");
        Assert.Equal(0, code);
        var report = ExperimentJson.Deserialize<BenchReport>(output);
        Assert.Equal("gd", Assert.Single(report.Runs).Method);
    }

    [Theory]
    [InlineData("--runs", "0")]
    [InlineData("--problems", "nope")]
    public void Bench_with_bad_arguments_exits_2_on_one_line(string option, string value)
    {
        var (code, _, error) = CliRunner.Run("bench", option, value);
        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
    }
}
