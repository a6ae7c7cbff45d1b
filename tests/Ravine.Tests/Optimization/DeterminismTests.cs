using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Optimization;

public class DeterminismTests
{
    [Fact]
    public void Same_inputs_give_bit_identical_traces()
    {
        var method = new GdPolyak(0.0125, 100, 20, 0);
        var a = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], method);
        var b = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], method);
        Assert.True(a.Trace.NumericallyIdentical(b.Trace));
        Assert.Equal(a.X, b.X);
        Assert.Equal(2021, a.Trace.Count);
    }

    [Fact]
    public void Trace_comparison_detects_a_one_ulp_difference()
    {
        var a = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], new GradientDescent(0.0125), new MinimizeOptions { MaxIterations = 10 });
        var b = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, Math.BitIncrement(1.3)], new GradientDescent(0.0125), new MinimizeOptions { MaxIterations = 10 });
        Assert.False(a.Trace.NumericallyIdentical(b.Trace));
    }
}
