using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Optimization;

public class ValidationTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Invalid_stepsize_is_rejected_naming_the_parameter(double eta)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new GdPolyak(eta, 10, 5, 0));
        Assert.Equal("Stepsize", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GradientDescent(eta));
    }

    [Fact]
    public void K_below_one_and_negative_epochs_are_rejected()
    {
        Assert.Equal("ShortSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new GdPolyak(0.1, 0, 5, 0)).ParamName);
        Assert.Equal("Epochs", Assert.Throws<ArgumentOutOfRangeException>(() => new GdPolyak(0.1, 1, -1, 0)).ParamName);
        Assert.Equal("OptimalValue", Assert.Throws<ArgumentOutOfRangeException>(() => new PolyakStep(double.NaN)).ParamName);
    }

    [Fact]
    public void Negative_tolerances_are_rejected_naming_the_setting()
    {
        Assert.Equal("GapTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new MinimizeOptions { GapTolerance = -1 }).ParamName);
        Assert.Equal("GradientTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new MinimizeOptions { GradientTolerance = -1e-9 }).ParamName);
        Assert.Equal("MaxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => new MinimizeOptions { MaxIterations = -1 }).ParamName);
    }

    [Fact]
    public void Start_point_of_the_wrong_length_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Minimizer.Minimize(new QuarticRosenbrock(), [1.0, 2.0, 3.0], new GradientDescent(0.1)));
        Assert.Equal("x0", e.ParamName);
        Assert.Contains("length 3", e.Message);
    }

    [Fact]
    public void Gradient_span_of_the_wrong_length_is_rejected_by_the_problem()
    {
        var e = Assert.Throws<ArgumentException>(() => new QuarticRosenbrock().Evaluate([1.0, 2.0], new double[3]));
        Assert.Equal("gradient", e.ParamName);
    }
}
