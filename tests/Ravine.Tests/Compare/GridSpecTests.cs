using Ravine.Cli.Compare;

namespace Ravine.Tests.Compare;

public class GridSpecTests
{
    [Fact]
    public void A_log_spaced_range_over_decades_gives_exact_powers_of_ten() =>
        Assert.Equal([1e-4, 1e-3, 1e-2, 0.1, 1, 10], GridSpec.Parse("1e-4:10:6", "grid"));

    [Fact]
    public void A_list_is_taken_as_given() => Assert.Equal([0.5, 2, 3], GridSpec.Parse("0.5, 2,3", "grid"));

    [Fact]
    public void Counts_are_rounded_and_deduplicated() =>
        Assert.Equal([10, 32, 100, 316, 1000], GridSpec.Whole(GridSpec.Parse("10:1000:5", "grid"), 1));

    [Theory]
    [InlineData("0:1:5")]
    [InlineData("1:10:0")]
    [InlineData("1:10")]
    [InlineData("a,b")]
    [InlineData("")]
    public void A_malformed_grid_names_the_option(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => GridSpec.Parse(text, "tune-grid"));
        Assert.Equal("tune-grid", e.ParamName);
        Assert.Contains("FROM:TO:N", e.Message);
    }
}
