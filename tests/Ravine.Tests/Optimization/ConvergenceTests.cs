using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Optimization;

public class ConvergenceTests
{
    // f = ¼(x² − 1)²: a local maximum (a saddle in higher dimension) at 0 with f = ¼, minima at ±1 with f* = 0.
    private static double DoubleWell(ReadOnlySpan<double> x, Span<double> g)
    {
        double w = x[0] * x[0] - 1;
        g[0] = w * x[0];
        return 0.25 * w * w;
    }

    [Fact]
    public void A_saddle_of_matrix_factorization_is_stationary_but_not_converged()
    {
        // X₀ = 0 has ∇f = (XXᵀ − M)X = 0 and f = ¼‖M‖²: the loop stops at once, truthfully, as stationary.
        var problem = ProblemRegistry.Generate("matrix-factorization");
        var r = Minimizer.Minimize(problem, new double[problem.Dimension], new GradientDescent(0.1));
        Assert.Equal(StopReason.Stationary, r.StopReason);
        Assert.True(r.Gap > 0.1, r.ToString());
        Assert.False(r.Converged, r.ToString());
    }

    [Fact]
    public void A_stationary_point_with_unknown_fstar_is_not_certified()
    {
        var r = Minimizer.Minimize(Objective.Create(1, DoubleWell), [0.0], new GradientDescent(0.1));
        Assert.Equal(StopReason.Stationary, r.StopReason);
        Assert.False(r.Converged, r.ToString());
    }

    [Fact]
    public void A_stationary_point_at_the_known_minimum_is_converged()
    {
        var r = Minimizer.Minimize(Objective.Create(1, DoubleWell, optimalValue: 0), [1.0], new GradientDescent(0.1));
        Assert.Equal(StopReason.Stationary, r.StopReason);
        Assert.True(r.Converged, r.ToString());
    }

    [Fact]
    public void Polyak_stopped_by_a_too_high_fstar_is_not_converged()
    {
        // The user's f* = 1e-8 is above the true f* = 0: the Polyak step stops with a gap of about 1e-8 left.
        var square = Objective.Create(1, (x, g) => { g[0] = 2 * x[0]; return x[0] * x[0]; }, optimalValue: 0);
        var r = Minimizer.Minimize(square, [1.0], new PolyakStep(1e-8));
        Assert.Equal(StopReason.OptimalValueReached, r.StopReason);
        Assert.InRange(r.FinalGap, 1e-9, 1e-8);
        Assert.False(r.Converged, r.ToString());
    }

    [Fact]
    public void A_small_gradient_far_above_a_known_fstar_is_not_converged()
    {
        var r = Minimizer.Minimize(Objective.Create(1, DoubleWell, optimalValue: 0), [1e-9], new GradientDescent(0.1),
            new MinimizeOptions { GradientTolerance = 1e-6 });
        Assert.Equal(StopReason.GradientTolerance, r.StopReason);
        Assert.False(r.Converged, r.ToString());
    }

    [Fact]
    public void Completing_the_method_budget_is_not_convergence()
    {
        var r = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], new GdPolyak(0.0125, 10, 2, 0));
        Assert.Equal(StopReason.MethodCompleted, r.StopReason);
        Assert.False(r.Converged);
    }
}
