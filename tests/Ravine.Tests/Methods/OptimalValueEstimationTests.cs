using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Methods;

/// <summary>GDPolyak with f* unknown: the estimate and what it costs against the known f*.</summary>
public class OptimalValueEstimationTests
{
    private static long CallsTo(MinimizeResult result, double gap)
    {
        for (int i = 0; i < result.Trace.Count; i++)
            if (result.Trace.Gap[i] <= gap) return result.Trace.OracleCalls[i];
        return long.MaxValue;
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1.0)]
    [InlineData(1.0)]
    public void GdPolyak_with_f_star_unknown_reaches_1e_10_on_quartic_rosenbrock_within_1_5x_the_calls_of_the_known_f_star(double? start)
    {
        var problem = new QuarticRosenbrock();
        var options = new MinimizeOptions { GapTolerance = 1e-10 };
        long known = CallsTo(Minimizer.Minimize(problem, problem.Start, new GdPolyak(0.0125, 100, 50, 0), options), 1e-10);
        long unknown = CallsTo(Minimizer.Minimize(problem, problem.Start, new GdPolyak(0.0125, 100, 50, null) { OptimalValueEstimate = start }, options), 1e-10);
        Assert.True(unknown <= 1.5 * known, $"unknown f*: {unknown} calls, known: {known}");
    }

    [Fact]
    public void The_trace_shows_the_estimate_when_f_star_is_estimated_and_NaN_when_it_is_given()
    {
        var problem = new QuarticRosenbrock();
        var estimated = Minimizer.Minimize(problem, problem.Start, new GdPolyak(0.0125, 100, 5, null) { OptimalValueEstimate = 0.5 });
        var given = Minimizer.Minimize(problem, problem.Start, new GdPolyak(0.0125, 100, 5, 0));
        // Row 0 is recorded before the method starts; the first step shows the start.
        Assert.Equal(0.5, estimated.Trace.OptimalValueEstimate[1]);
        Assert.NotEqual(0.5, estimated.Trace.OptimalValueEstimate[estimated.Trace.Count - 1]);
        Assert.All(given.Trace.OptimalValueEstimate.ToArray(), e => Assert.True(double.IsNaN(e)));
    }

    [Fact]
    public void An_estimate_above_f_star_skips_the_first_long_step_and_the_ratio_rule_then_takes_over()
    {
        var problem = new QuarticRosenbrock();
        var result = Minimizer.Minimize(problem, problem.Start, new GdPolyak(0.0125, 100, 10, null) { OptimalValueEstimate = 1 });
        var t = result.Trace;
        Assert.Equal(StepKind.Skipped, t.Kind[101]);
        Assert.Equal(StepKind.Long, t.Kind[202]);
        Assert.True(t.OptimalValueEstimate[202] < t.Value[201]);
    }

    [Fact]
    public void The_restarts_rule_returns_to_x0_and_moves_the_estimate_halfway_to_the_best_f()
    {
        var problem = new QuarticRosenbrock();
        double[] x0 = problem.Start;
        var result = Minimizer.Minimize(problem, x0, new GdPolyak(0.0125, 100, 6, null) { Estimation = OptimalValueEstimation.Restarts, RestartEpochs = 3, OptimalValueEstimate = -1 });
        var t = result.Trace;
        int restart = Enumerable.Range(1, t.Count - 1).First(i => t.Note[i] == "restart");
        Assert.Equal(t.Value[0], t.Value[restart]);
        double best = t.Value[..restart].ToArray().Min();
        // The estimate before the restart may have risen above −1 already: the safeguard raises it when a long step is rolled back.
        Assert.Equal(0.5 * (best + t.OptimalValueEstimate[restart - 1]), t.OptimalValueEstimate[restart]);
    }
}
