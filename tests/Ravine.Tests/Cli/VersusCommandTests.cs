using Ravine.Cli.Commands;
using Ravine.Cli.Compare;

namespace Ravine.Tests.Cli;

public class VersusCommandTests
{
    [Fact]
    public void A_contender_without_its_published_settings_is_one_line_in_versus_syntax_and_exit_2()
    {
        var (code, output, error) = CliRunner.Run("versus", "--problems", "cragg-levy", "--seeds", "1");
        Assert.True(code == 2, $"exit {code}: {error}\n{output}");
        string line = Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("--reference \"gdpolyak\" needs eta= and K= on cragg-levy", line);
        Assert.Contains("--reference \"gdpolyak eta=… K=…\"", line);
    }

    [Fact]
    public void The_challenger_is_named_as_the_challenger()
    {
        var (code, _, error) = CliRunner.Run("versus", "--problems", "beale,box3", "--seeds", "1", "--reference", "polyak", "--challenger", "gd");
        Assert.Equal(2, code);
        Assert.Contains("--challenger \"gd\" needs eta= on beale, box3", Assert.Single(error.Trim().Split('\n')));
    }

    [Fact]
    public void F_star_unknown_for_a_method_that_cannot_estimate_it_is_said_in_versus_syntax()
    {
        var (code, _, error) = CliRunner.Run("versus", "--seeds", "1", "--challenger", "polyak fstar=unknown");
        Assert.Equal(2, code);
        string line = Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("'fstar=unknown' does not apply in 'polyak fstar=unknown'", line);
        Assert.Contains("gdpolyak, gdpolyak-adaptive", line);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("1e4")]
    public void A_bad_max_calls_is_one_line_and_exit_2(string value)
    {
        var (code, output, error) = CliRunner.Run("versus", "--seeds", "1", "--max-calls", value);
        Assert.True(code == 2, $"exit {code}: {error}\n{output}");
        Assert.Contains($"--max-calls takes a whole number of oracle calls ≥ 2, not '{value}'", Assert.Single(error.Trim().Split('\n')));
    }

    [Fact]
    public void Problems_all_is_every_problem_that_compare_runs_by_default()
    {
        var plan = VersusCommand.ToPlan(new VersusCommand.Settings { Problems = "all", Reference = "gdpolyak-adaptive" });
        Assert.Equal(ComparePlan.DefaultProblems, plan.Problems);
        Assert.Contains("beale", plan.Problems);
    }

    [Fact]
    public void An_unknown_problem_in_a_list_is_one_line_and_exit_2()
    {
        var (code, _, error) = CliRunner.Run("versus", "--seeds", "1", "--problems", "quartic-rosenbrock,nope");
        Assert.Equal(2, code);
        Assert.Contains("nope", Assert.Single(error.Trim().Split('\n')));
    }

    [Fact]
    public void A_challenger_that_finds_its_f_star_too_high_says_so_in_its_column_and_in_the_summary()
    {
        var (code, output, error) = CliRunner.Run("versus", "--problems", "quartic-rosenbrock", "--seeds", "3407", "--target", "1e-10",
            "--reference", "gdpolyak-adaptive", "--challenger", "gdpolyak-adaptive fstar-offset=1", "--format", "markdown");
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        var lines = output.Split('\n');
        Assert.StartsWith("| problem | seed | target gap | gdpolyak-adaptive calls | gdpolyak-adaptive fstar-offset=1 calls | ratio | gdpolyak-adaptive fstar-offset=1 says |", lines[0]);
        Assert.EndsWith("| f* too high |", lines.Single(l => l.StartsWith("| quartic-rosenbrock |", StringComparison.Ordinal)));
        Assert.Contains("Challenger missed 0 of 1 (0 said f* looks wrong); 1 of 1 said f* looks wrong.", output);
    }

    [Fact]
    public void Json_holds_one_object_per_instance_and_the_summary_and_nothing_else()
    {
        var (code, output, error) = CliRunner.Run("versus", "--problems", "quartic-rosenbrock", "--seeds", "3407,1", "--target", "1e-10",
            "--reference", "gdpolyak-adaptive", "--challenger", "gdpolyak-adaptive fstar-offset=-0.5", "--format", "json");
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal([3407ul, 1], rows.Select(r => r.GetProperty("seed").GetUInt64()));
        Assert.All(rows, r => Assert.Equal("TooLow", r.GetProperty("challengerSays").GetString()));
        Assert.Equal(2, Assert.Single(json.RootElement.GetProperty("summaries").EnumerateArray()).GetProperty("challengerSaidWrong").GetInt32());
    }

    [Fact]
    public void A_sweep_of_challengers_per_problem_is_one_row_per_problem_and_a_column_group_per_challenger()
    {
        var (code, output, error) = CliRunner.Run("versus", "--problems", "quartic-rosenbrock,single-neuron", "--seeds", "3407", "--target", "1e-10",
            "--reference", "gdpolyak-adaptive", "--challenger", "gdpolyak-adaptive fstar-offset=-1", "--challenger", "gdpolyak-adaptive fstar-offset=1",
            "--per-problem", "--format", "markdown");
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        var lines = output.Split('\n');
        Assert.Equal("| problem | reference reached | gdpolyak-adaptive fstar-offset=-1: median ratio | gdpolyak-adaptive fstar-offset=-1: worst ratio | gdpolyak-adaptive fstar-offset=-1: missed | gdpolyak-adaptive fstar-offset=-1: said about f* | gdpolyak-adaptive fstar-offset=1: median ratio | gdpolyak-adaptive fstar-offset=1: worst ratio | gdpolyak-adaptive fstar-offset=1: missed | gdpolyak-adaptive fstar-offset=1: said about f* |", lines[0]);
        Assert.StartsWith("| quartic-rosenbrock | 1 of 1 |", lines[2]);
        Assert.EndsWith("| 1 f* too high |", lines[2]);
        Assert.Contains("gdpolyak-adaptive fstar-offset=1: Challenger missed 0 of 2", output);
    }

    [Fact]
    public void Forecast_per_problem_adds_the_challengers_forecast_columns_summed_over_the_seeds_as_the_json_has_them()
    {
        string[] arguments = ["versus", "--problems", "box3", "--seeds", "3407,1", "--max-calls", "2000", "--reference", "gdpolyak-adaptive safeguard=off",
            "--challenger", "gdpolyak-adaptive fstar-offset=-0.5"];
        var (code, output, error) = CliRunner.Run([.. arguments, "--per-problem", "--forecast", "--format", "markdown"]);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        var lines = output.Split('\n');
        Assert.EndsWith("| said about f* | forecast: long steps | forecast: shortened | forecast: undone | forecast: forecast rise / actual rise | forecast: direction right | forecast: median error (decades) |", lines[0]);
        var cells = lines[2].Split('|', StringSplitOptions.TrimEntries)[1..^1];
        Assert.Equal("box3", cells[0]);

        (code, output, error) = CliRunner.Run([.. arguments, "--format", "json"]);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var forecasts = json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("challengerForecast")).ToArray();
        Assert.Equal(2, forecasts.Length);
        int longSteps = forecasts.Sum(f => f.GetProperty("longSteps").GetInt32()), shortened = forecasts.Sum(f => f.GetProperty("shortened").GetInt32());
        Assert.True(shortened > 0, $"{shortened} shortened");
        Assert.Equal(longSteps.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), cells[6]);
        Assert.Equal(shortened.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[7]);
        var pooled = Assert.Single(json.RootElement.GetProperty("summaries").EnumerateArray()).GetProperty("forecast");
        Assert.Equal(longSteps, pooled.GetProperty("longSteps").GetInt32());
        Assert.Equal(pooled.GetProperty("medianError").GetDouble().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), cells[11]);
    }

    [Fact]
    public void A_challenger_without_forecasts_has_dashes_in_the_forecast_columns_and_null_in_the_json()
    {
        string[] arguments = ["versus", "--problems", "quartic-rosenbrock", "--seeds", "3407", "--max-calls", "500", "--reference", "gdpolyak-adaptive",
            "--challenger", "gdpolyak-adaptive safeguard=off"];
        var (code, output, error) = CliRunner.Run([.. arguments, "--forecast", "--format", "markdown"]);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.EndsWith("| — | — | — | — | — | — |", output.Split('\n')[2]);
        (code, output, error) = CliRunner.Run([.. arguments, "--format", "json"]);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Assert.Single(json.RootElement.GetProperty("rows").EnumerateArray()).GetProperty("challengerForecast").ValueKind);
    }

    [Fact]
    public void Without_forecast_the_table_has_no_forecast_columns_and_the_help_explains_the_flag()
    {
        var (code, output, error) = CliRunner.Run("versus", "--problems", "quartic-rosenbrock", "--seeds", "3407", "--max-calls", "500",
            "--reference", "gdpolyak-adaptive safeguard=off", "--challenger", "gdpolyak-adaptive", "--format", "markdown");
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.DoesNotContain("forecast:", output);
        (code, output, _) = CliRunner.Run("versus", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--forecast", output);
        Assert.Contains("median error", output);
    }
}
