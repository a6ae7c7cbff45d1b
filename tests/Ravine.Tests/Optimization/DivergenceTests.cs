using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Optimization;

public class DivergenceTests
{
    // f(x₀) = 1e-24 + 10·(3e-12)² ≈ 9e-23: next to the minimizer, where 10¹²·|f(x₀)| is no scale at all.
    private static readonly double[] NearTheMinimizer = [1e-6, 4e-12];

    [Theory]
    [InlineData("BB")]
    [InlineData("Adam")]
    public void A_start_next_to_the_minimizer_does_not_make_a_bounded_excursion_count_as_divergence(string method)
    {
        IMethod m = method == "BB" ? new BarzilaiBorwein(0.0125) : new Adam(0.0125);
        var r = Minimizer.Minimize(new QuarticRosenbrock(), NearTheMinimizer, m, new MinimizeOptions { MaxIterations = 2000 });
        Assert.InRange(r.Trace.Value[0], 8e-23, 1e-22);
        Assert.NotEqual(StopReason.Diverged, r.StopReason);
        Assert.Equal(StopReason.MaxIterations, r.StopReason);
    }

    [Fact]
    public void A_real_blow_up_from_next_to_the_minimizer_is_still_caught_before_it_overflows()
    {
        // GD with η = 1.1 on x² multiplies f by 1.44 per step, from f(x₀) = 1e-22 up past the floor 10¹²·1.
        var square = Objective.Create(1, (x, g) => { g[0] = 2 * x[0]; return x[0] * x[0]; });
        var r = Minimizer.Minimize(square, [1e-11], new GradientDescent(1.1), new MinimizeOptions { MaxIterations = 10_000 });
        Assert.Equal(StopReason.Diverged, r.StopReason);
        Assert.InRange(r.FinalValue, 1e12, 1.44e12);
        Assert.Equal(0, r.BestIteration);
    }

    [Fact]
    public void A_blow_up_after_a_long_step_blames_the_f_star_in_library_words()
    {
        // f* = −1 is far too low: the first long step from near the ravine blows up, and nothing rolls it back.
        var problem = new QuarticRosenbrock();
        var r = Minimizer.Minimize(problem, problem.Start, new GdPolyak(0.0125, 100, 5, -1));
        Assert.True(r.StopReason is StopReason.Diverged or StopReason.NonFiniteValue, r.Message);
        Assert.Contains("is likely too low", r.Message, StringComparison.Ordinal);
        Assert.Contains("turn the method's safeguard on (Safeguard)", r.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--", r.Message, StringComparison.Ordinal);
    }
}
