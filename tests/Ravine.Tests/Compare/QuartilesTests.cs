using Ravine.Cli.Compare;

namespace Ravine.Tests.Compare;

public class QuartilesTests
{
    [Fact]
    public void Quartiles_interpolate_between_order_statistics_as_numpy_does()
    {
        // numpy.percentile([4, 1, 3, 2], [25, 50, 75]) = [1.75, 2.5, 3.25]
        Assert.Equal(new Quartiles(1.75, 2.5, 3.25), Quartiles.Of([4, 1, 3, 2]));
        Assert.Equal(new Quartiles(7, 7, 7), Quartiles.Of([7]));
    }

    [Fact]
    public void Failures_as_infinity_push_the_upper_quartiles_to_infinity_without_NaN()
    {
        var q = Quartiles.Of([1, 2, double.PositiveInfinity, double.PositiveInfinity]);
        Assert.Equal(1.75, q.Q1);
        Assert.Equal(double.PositiveInfinity, q.Median);
        Assert.Equal(double.PositiveInfinity, q.Q3);
    }

    [Fact]
    public void An_empty_sample_has_no_quartiles() => Assert.True(double.IsNaN(Quartiles.Of([]).Median));
}
