using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Methods;

public class QuarticRosenbrockMethodTests
{
    // A fixed start away from the ravine; the published runs start from a standard normal draw.
    private static readonly double[] Start = [1.2, -0.7];
    private const double Eta = 0.0125;
    private const int K = 100, Epochs = 50;

    private static MinimizeResult Run(IMethod method, int maxIterations = int.MaxValue) =>
        Minimizer.Minimize(new QuarticRosenbrock(), Start, method, new MinimizeOptions { MaxIterations = maxIterations });

    [Fact]
    public void GdPolyak_on_quartic_rosenbrock_reaches_gap_below_1e_minus_20()
    {
        var result = Run(new GdPolyak(Eta, K, Epochs, optimalValue: 0));
        Assert.Equal(StopReason.MethodCompleted, result.StopReason);
        Assert.Equal(Epochs * (K + 1), result.Iterations);
        Assert.True(result.BestValue < 1e-20, $"best gap {result.BestValue:G3}");
    }

    [Fact]
    public void GdPolyak_long_steps_exceed_1e6()
    {
        var result = Run(new GdPolyak(Eta, K, Epochs, optimalValue: 0));
        Assert.True(result.LongestStep > 1e6, $"longest step {result.LongestStep:G3}");
    }

    [Fact]
    public void Gd_with_the_same_budget_stays_above_1e_minus_14()
    {
        var result = Run(new GradientDescent(Eta), K * Epochs);
        Assert.Equal(StopReason.MaxIterations, result.StopReason);
        Assert.True(result.BestValue > 1e-14, $"GD best gap {result.BestValue:G3}");
    }

    [Fact]
    public void Polyak_with_the_same_budget_stays_above_1e_minus_14()
    {
        var result = Run(new PolyakStep(optimalValue: 0), K * Epochs);
        Assert.Equal(StopReason.MaxIterations, result.StopReason);
        Assert.True(result.BestValue > 1e-14, $"Polyak best gap {result.BestValue:G3}");
    }

    [Fact]
    public void GdPolyak_takes_one_oracle_call_per_step_plus_the_start()
    {
        var result = Run(new GdPolyak(Eta, K, 5, optimalValue: 0));
        Assert.Equal(result.Iterations + 1, result.OracleCalls);
        Assert.Equal(result.Iterations + 1, result.Trace.Count);
        Assert.Equal(result.OracleCalls, result.Trace.OracleCalls[^1]);
    }

    [Fact]
    public void GdPolyak_takes_a_long_step_after_every_K_short_steps()
    {
        var result = Run(new GdPolyak(Eta, 10, 3, optimalValue: 0));
        var kinds = result.Trace.Kind.ToArray();
        Assert.Equal(StepKind.Start, kinds[0]);
        for (int i = 1; i < kinds.Length; i++)
            Assert.Equal(i % 11 == 0 ? StepKind.Long : StepKind.Short, kinds[i]);
        Assert.Equal(0.0, result.Trace.Stepsize[0]);
        Assert.Equal(Eta, result.Trace.Stepsize[1]);
    }
}
