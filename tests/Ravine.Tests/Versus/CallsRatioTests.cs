using Ravine.Cli.Versus;
using Ravine.Methods;

namespace Ravine.Tests.Versus;

public class CallsRatioTests
{
    [Fact]
    public void A_contender_is_a_method_and_its_options()
    {
        var contender = Contender.Parse("gdpolyak-adaptive  window=5 stall-ratio=0.25");
        Assert.Same(AdaptiveGdPolyak.Descriptor, contender.Method);
        Assert.Equal(new Dictionary<string, string> { ["window"] = "5", ["stall-ratio"] = "0.25" }, contender.Options);
    }

    [Theory]
    [InlineData("gdpolyak K", "'K' in 'gdpolyak K' is not KEY=VALUE.")]
    [InlineData("gdpolyak K=1 K=2", "'K' is given twice in 'gdpolyak K=1 K=2'.")]
    [InlineData("adam memory=3", "adam has no option --memory.")]
    [InlineData("newton", "Unknown method 'newton'.")]
    public void A_malformed_contender_is_refused_naming_what_is_wrong(string text, string message)
    {
        Assert.StartsWith(message, Assert.Throws<ArgumentException>(() => Contender.Parse(text)).Message);
    }

    [Theory]
    [InlineData("gd fstar=unknown", "gd uses no f*")]
    [InlineData("gdpolyak fstar=maybe", "'fstar' takes a finite number or 'unknown'")]
    public void A_contender_f_star_is_refused_where_it_does_not_apply(string text, string message)
    {
        Assert.StartsWith(message, Assert.Throws<ArgumentException>(() => Contender.Parse(text)).Message);
    }

    [Fact]
    public void A_contender_with_f_star_unknown_hides_the_problems_f_star_from_the_method()
    {
        var contender = Contender.Parse("gdpolyak fstar=unknown");
        Assert.Empty(contender.Options);
        var spec = contender.For(Ravine.Problems.ProblemRegistry.Generate("quartic-rosenbrock"), seed: 1);
        Assert.Null(((GdPolyak)spec.Method).OptimalValue);
        Assert.Null(spec.Arguments.OptimalValue);
    }

    [Fact]
    public void GdPolyak_with_f_star_unknown_reaches_1e_10_on_quadratic_sensing_within_1_5x_the_calls_of_the_known_f_star()
    {
        var row = CallsRatio.Compare(Contender.Parse("gdpolyak"), Contender.Parse("gdpolyak fstar=unknown"), "quadratic-sensing", 3407, target: 1e-10);
        Assert.InRange(row.Ratio, 0.05, 1.5);
    }

    [Fact]
    public void The_same_method_against_itself_has_ratio_one()
    {
        var gd = Contender.Parse("gdpolyak");
        var row = CallsRatio.Compare(gd, gd, "quartic-rosenbrock", 3407, target: null);
        Assert.Equal(1, row.Ratio);
        Assert.True(row.Target < 1e-20, row.ToString());
    }

    [Fact]
    public void The_adaptive_method_needs_under_0_6x_the_published_calls_on_the_quartic_rosenbrock()
    {
        var row = CallsRatio.Compare(Contender.Parse("gdpolyak"), Contender.Parse("gdpolyak-adaptive"), "quartic-rosenbrock", 3407, target: null);
        Assert.InRange(row.Ratio, 0.05, 0.6);
    }

    [Fact]
    public void A_challenger_that_misses_the_target_within_its_budget_has_an_infinite_ratio()
    {
        var row = CallsRatio.Compare(Contender.Parse("gdpolyak"), Contender.Parse("gd"), "quartic-rosenbrock", 3407, target: null);
        Assert.Null(row.ChallengerCalls);
        Assert.Equal(double.PositiveInfinity, row.Ratio);
    }
}
