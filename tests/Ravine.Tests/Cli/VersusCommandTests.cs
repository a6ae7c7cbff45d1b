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
}
