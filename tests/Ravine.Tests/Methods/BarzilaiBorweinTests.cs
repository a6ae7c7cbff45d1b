using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Methods;

public class BarzilaiBorweinTests
{
    // f(x₀) ≈ 9e-23, next to the minimizer of the quartic Rosenbrock: plain BB's first long step lands at f ≈ 1e-3.
    private static readonly double[] NearTheMinimizer = [1e-6, 4e-12];

    [Fact]
    public void The_nonmonotone_search_rejects_a_long_step_that_plain_BB_takes()
    {
        var r = Minimizer.Minimize(new QuarticRosenbrock(), NearTheMinimizer, new BarzilaiBorwein(0.0125), new MinimizeOptions { MaxIterations = 500 });
        double f0 = r.Trace.Value[0];
        Assert.All(r.Trace.Value.ToArray(), f => Assert.True(f <= f0, $"f = {f:G3} above f(x₀) = {f0:G3}"));
        Assert.True(r.OracleCalls > r.Iterations + 1, "the backtracking trials are counted");
    }

    [Fact]
    public void Without_the_search_BB_is_the_plain_1988_method_and_leaves_the_minimizer()
    {
        var r = Minimizer.Minimize(new QuarticRosenbrock(), NearTheMinimizer, new BarzilaiBorwein(0.0125, nonmonotoneMemory: 0),
            new MinimizeOptions { MaxIterations = 500 });
        Assert.Equal(r.Iterations + 1, r.OracleCalls);
        Assert.True(TensorMax(r.Trace.Value) > 1e-3);
    }

    // f(x) = ½ Σ λᵢ xᵢ², λ = (1, 2, 4): with s and y = Λs the BB2 stepsize is sᵀΛs / sᵀΛ²s.
    private static readonly double[] Curvature = [1.0, 2.0, 4.0];

    private static IObjective Quadratic() => Objective.Create(3, (x, g) =>
    {
        double f = 0;
        for (int i = 0; i < 3; i++)
        {
            g[i] = Curvature[i] * x[i];
            f += 0.5 * Curvature[i] * x[i] * x[i];
        }
        return f;
    }, optimalValue: 0);

    [Fact]
    public void BB2_takes_the_short_stepsize_and_solves_a_quadratic()
    {
        double[] x0 = [5.0, 5.0, 5.0];
        var r = Minimizer.Minimize(Quadratic(), x0, new BarzilaiBorwein(0.1, BarzilaiBorweinVariant.BB2),
            new MinimizeOptions { GradientTolerance = 1e-10, MaxIterations = 1000 });
        Assert.Equal(StopReason.GradientTolerance, r.StopReason);
        Assert.True(r.Converged);
        double[] s = x0.Select((x, i) => -0.1 * Curvature[i] * x).ToArray();
        double sLs = s.Select((v, i) => Curvature[i] * v * v).Sum(), sL2s = s.Select((v, i) => Curvature[i] * Curvature[i] * v * v).Sum();
        Assert.Equal(sLs / sL2s, r.Trace.Stepsize[2], 1e-14);
        var bb1 = Minimizer.Minimize(Quadratic(), x0, new BarzilaiBorwein(0.1), new MinimizeOptions { MaxIterations = 2 });
        Assert.True(bb1.Trace.Stepsize[2] > r.Trace.Stepsize[2]);
    }

    [Fact]
    public void The_stepsize_clamp_bounds_every_BB_step()
    {
        var r = Minimizer.Minimize(Quadratic(), [5.0, 5.0, 5.0], new BarzilaiBorwein(0.1, maxStepsize: 0.3, nonmonotoneMemory: 0),
            new MinimizeOptions { MaxIterations = 50 });
        Assert.All(r.Trace.Stepsize.ToArray(), t => Assert.InRange(t, 0, 0.3));
        Assert.Equal("MaxStepsize", Assert.Throws<ArgumentOutOfRangeException>(() => new BarzilaiBorwein(0.1, minStepsize: 1, maxStepsize: 0.5)).ParamName, ignoreCase: true);
        Assert.Equal("SufficientDecrease", Assert.Throws<ArgumentOutOfRangeException>(() => new BarzilaiBorwein(0.1, sufficientDecrease: 1)).ParamName);
    }

    private static double TensorMax(ReadOnlySpan<double> values) => System.Numerics.Tensors.TensorPrimitives.Max(values);
}
