using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Optimization;

public class StopCriteriaTests
{
    private static readonly double[] Start = [1.2, -0.7];

    private static MinimizeResult Rosenbrock(IMethod method, MinimizeOptions options) =>
        Minimizer.Minimize(new QuarticRosenbrock(), Start, method, options);

    private static readonly IMethod Gd = new GradientDescent(0.0125);

    [Fact]
    public void MaxIterations_stops_after_exactly_that_many_steps()
    {
        var r = Rosenbrock(Gd, new MinimizeOptions { MaxIterations = 37 });
        Assert.Equal(StopReason.MaxIterations, r.StopReason);
        Assert.Equal(37, r.Iterations);
        Assert.False(r.Converged);
    }

    [Fact]
    public void MaxOracleCalls_counts_the_start_evaluation()
    {
        var r = Rosenbrock(Gd, new MinimizeOptions { MaxOracleCalls = 10 });
        Assert.Equal(StopReason.MaxOracleCalls, r.StopReason);
        Assert.Equal(10, r.OracleCalls);
        Assert.Equal(9, r.Iterations);
    }

    [Fact]
    public void GapTolerance_stops_when_f_minus_fstar_is_small()
    {
        var r = Rosenbrock(new GdPolyak(0.0125, 100, 50, 0), new MinimizeOptions { GapTolerance = 1e-12 });
        Assert.Equal(StopReason.GapTolerance, r.StopReason);
        Assert.True(r.Gap <= 1e-12);
        Assert.True(r.Trace.Gap[^2] > 1e-12);
        Assert.True(r.Converged);
    }

    [Fact]
    public void TargetValue_stops_when_f_is_at_most_the_target()
    {
        var r = Rosenbrock(Gd, new MinimizeOptions { TargetValue = 1e-3 });
        Assert.Equal(StopReason.TargetValue, r.StopReason);
        Assert.True(r.Value <= 1e-3 && r.Trace.Value[^2] > 1e-3);
    }

    [Fact]
    public void GradientTolerance_stops_on_small_gradient_norm()
    {
        var r = Rosenbrock(Gd, new MinimizeOptions { GradientTolerance = 1e-2 });
        Assert.Equal(StopReason.GradientTolerance, r.StopReason);
        Assert.True(r.GradientNorm <= 1e-2);
    }

    [Fact]
    public void RelativeGradientTolerance_is_measured_against_the_start()
    {
        var r = Rosenbrock(Gd, new MinimizeOptions { RelativeGradientTolerance = 1e-3 });
        Assert.Equal(StopReason.GradientTolerance, r.StopReason);
        Assert.True(r.GradientNorm <= 1e-3 * r.Trace.GradientNorm[0]);
    }

    [Fact]
    public void A_zero_gradient_stops_as_stationary()
    {
        var r = Minimizer.Minimize(new QuarticRosenbrock(), [0.0, 0.0], Gd);
        Assert.Equal(StopReason.Stationary, r.StopReason);
        Assert.Equal(0, r.Iterations);
        Assert.Equal(1, r.OracleCalls);
    }

    [Fact]
    public void Polyak_at_or_below_fstar_stops_instead_of_stepping_backwards()
    {
        // f* over-estimated: f = 1 at the start is already below the claimed f* = 5.
        var f = Objective.Create(1, (x, g) => { g[0] = 2 * x[0]; return x[0] * x[0]; });
        var r = Minimizer.Minimize(f, [1.0], new PolyakStep(optimalValue: 5));
        Assert.Equal(StopReason.OptimalValueReached, r.StopReason);
        Assert.Equal([1.0], r.X);
    }

    [Fact]
    public void GdPolyak_skips_a_long_step_when_the_gap_is_not_positive()
    {
        var f = Objective.Create(1, (x, g) => { g[0] = 2 * x[0]; return x[0] * x[0]; });
        var r = Minimizer.Minimize(f, [1.0], new GdPolyak(0.1, 2, 3, optimalValue: 5));
        Assert.Equal(StopReason.MethodCompleted, r.StopReason);
        Assert.Equal(StepKind.Skipped, r.Trace.Kind[3]);
        Assert.Equal(r.Trace.Value[2], r.Trace.Value[3]);
        Assert.True(r.X[0] > 0, "no step was taken backwards past the minimizer");
    }

    [Fact]
    public void GdPolyak_completes_its_epochs()
    {
        var r = Rosenbrock(new GdPolyak(0.0125, 4, 3, 0), MinimizeOptions.Default);
        Assert.Equal(StopReason.MethodCompleted, r.StopReason);
        Assert.Equal(15, r.Iterations);
        Assert.Equal(StepKind.Long, r.Trace.Kind[^1]);
    }

    [Fact]
    public void A_method_finishing_on_the_iteration_limit_reports_that_it_completed()
    {
        var r = Rosenbrock(new GdPolyak(0.0125, 4, 3, 0), new MinimizeOptions { MaxIterations = 15 });
        Assert.Equal(StopReason.MethodCompleted, r.StopReason);
        Assert.Equal(15, r.Iterations);
    }

    [Fact]
    public void TimeLimit_stops_a_slow_run()
    {
        var slow = Objective.Create(1, (x, g) => { Thread.Sleep(5); g[0] = 2 * x[0]; return x[0] * x[0]; });
        var r = Minimizer.Minimize(slow, [1.0], new GradientDescent(1e-6), new MinimizeOptions { TimeLimit = TimeSpan.FromMilliseconds(50) });
        Assert.Equal(StopReason.TimeLimit, r.StopReason);
        Assert.True(r.Elapsed >= TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Cancellation_returns_the_result_so_far()
    {
        using var cts = new CancellationTokenSource();
        var r = Rosenbrock(Gd, new MinimizeOptions
        {
            CancellationToken = cts.Token,
            Observer = (in IterationInfo info) => { if (info.Iteration == 20) cts.Cancel(); return ObserverAction.Continue; },
        });
        Assert.Equal(StopReason.Cancelled, r.StopReason);
        Assert.Equal(20, r.Iterations);
        Assert.Equal(21, r.Trace.Count);
    }

    [Fact]
    public void Observer_returning_stop_stops_the_run()
    {
        var r = Rosenbrock(Gd, new MinimizeOptions { Observer = (in IterationInfo info) => info.Iteration >= 5 ? ObserverAction.Stop : ObserverAction.Continue });
        Assert.Equal(StopReason.Callback, r.StopReason);
        Assert.Equal(5, r.Iterations);
    }

    [Fact]
    public void NaN_value_stops_and_keeps_the_best_finite_point()
    {
        int calls = 0;
        var f = Objective.Create(1, (x, g) => { g[0] = 2 * x[0]; return ++calls == 4 ? double.NaN : x[0] * x[0]; });
        var r = Minimizer.Minimize(f, [1.0], new GradientDescent(0.1));
        Assert.Equal(StopReason.NonFiniteValue, r.StopReason);
        Assert.Equal(3, r.Iterations);
        Assert.Equal(4, r.Trace.Count);
        Assert.Equal(0.64 * 0.64, r.BestValue, 1e-15);
        Assert.Equal(2, r.BestIteration);
        Assert.Equal(0.8 * 0.8, r.BestX[0], 1e-15);
        Assert.True(r.StopReason.IsFailure());
    }

    [Fact]
    public void Infinite_gradient_entry_stops_as_non_finite_gradient()
    {
        var f = Objective.Create(2, (x, g) => { g[0] = 2 * x[0]; g[1] = x[0] < 0.7 ? double.PositiveInfinity : 0; return x[0] * x[0]; });
        var r = Minimizer.Minimize(f, [1.0, 0.0], new GradientDescent(0.1));
        Assert.Equal(StopReason.NonFiniteGradient, r.StopReason);
    }

    [Fact]
    public void An_overflowing_long_step_is_not_taken()
    {
        // Gradient so tiny that (f − f*)/‖g‖² overflows.
        var f = Objective.Create(1, (x, g) => { g[0] = 1e-200; return 1.0; });
        var r = Minimizer.Minimize(f, [0.5], new PolyakStep(0));
        Assert.Equal(StopReason.NonFiniteStep, r.StopReason);
        Assert.Equal([0.5], r.X);
    }

    [Fact]
    public void Too_large_stepsize_diverges_instead_of_running_on_infinities()
    {
        var r = Rosenbrock(new GradientDescent(1.0), new MinimizeOptions { MaxIterations = 100_000 });
        Assert.Equal(StopReason.Diverged, r.StopReason);
        Assert.True(r.Iterations < 100);
        Assert.True(double.IsFinite(r.BestValue));
    }

    [Fact]
    public void DivergenceFactor_sets_the_multiple_of_the_start_value_that_counts_as_diverged()
    {
        // GD with η = 1.1 on f = x² multiplies x by −1.2 per step, so f grows by 1.44: past 10·f(x₀) after 7 steps.
        var f = Objective.Create(1, (x, g) => { g[0] = 2 * x[0]; return x[0] * x[0]; });
        var r = Minimizer.Minimize(f, [1.0], new GradientDescent(1.1), new MinimizeOptions { DivergenceFactor = 10, MaxIterations = 100 });
        Assert.Equal((StopReason.Diverged, 7), (r.StopReason, r.Iterations));
        Assert.Equal(1.0, r.BestValue);
        Assert.Equal(8, r.Trace.Count);
        var off = Minimizer.Minimize(f, [1.0], new GradientDescent(1.1), new MinimizeOptions { DivergenceFactor = double.PositiveInfinity, MaxIterations = 100 });
        Assert.Equal((StopReason.MaxIterations, 100), (off.StopReason, off.Iterations));
        Assert.Equal("DivergenceFactor", Assert.Throws<ArgumentOutOfRangeException>(() => new MinimizeOptions { DivergenceFactor = 0.5 }).ParamName);
    }

    [Fact]
    public void An_objective_exception_propagates_with_the_iteration_and_the_partial_result()
    {
        int calls = 0;
        var f = Objective.Create(1, (x, g) =>
        {
            if (++calls == 6) throw new InvalidOperationException("boom");
            g[0] = 2 * x[0];
            return x[0] * x[0];
        });
        var e = Assert.Throws<ObjectiveException>(() => Minimizer.Minimize(f, [1.0], new GradientDescent(0.1)));
        Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Equal(5, e.Iteration);
        Assert.Equal(6, e.OracleCall);
        Assert.NotNull(e.PartialResult);
        Assert.Equal(StopReason.ObjectiveFailed, e.PartialResult!.StopReason);
        Assert.Equal(5, e.PartialResult.Trace.Count);
    }
}
