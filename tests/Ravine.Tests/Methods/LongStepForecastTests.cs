using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;

namespace Ravine.Tests.Methods;

/// <summary>The check of GDPolyak's long step before it is taken: a prediction of f after it, recorded in the trace.</summary>
public class LongStepForecastTests
{
    // f = (a/2)‖x‖², f* = 0: the secant curvature of a short step is exactly a, so both models of the forecast are exact.
    private static IObjective Quadratic(double a) => Objective.Create(3, (x, g) =>
    {
        double f = 0;
        for (int i = 0; i < x.Length; i++) { g[i] = a * x[i]; f += 0.5 * a * x[i] * x[i]; }
        return f;
    }, optimalValue: 0);

    private static readonly double[] Start = [1, -2, 0.5];

    [Fact]
    public void On_a_quadratic_with_the_true_f_star_the_prediction_of_every_long_step_is_exact()
    {
        var result = Minimizer.Minimize(Quadratic(3), Start, new GdPolyak(0.1, 5, 6, 0) { Safeguard = true });
        var t = result.Trace;
        Assert.True((t.Columns & TraceColumns.Prediction) != 0);
        int longSteps = 0;
        for (int i = 1; i < t.Count; i++)
        {
            if (t.Kind[i] != StepKind.Long) { Assert.True(double.IsNaN(t.PredictedValue[i])); continue; }
            longSteps++;
            // The Polyak step halves x on a quadratic: f falls to a quarter, as the power-law model with p = 2 says.
            Assert.Equal(t.Value[i - 1] / 4, t.PredictedValue[i], t.Value[i - 1] * 1e-12);
            Assert.Equal(t.Value[i], t.PredictedValue[i], t.Value[i - 1] * 1e-12);
        }
        Assert.Equal(6, longSteps);
    }

    [Fact]
    public void A_long_step_predicted_to_land_above_f_at_the_start_is_shortened_before_it_is_taken()
    {
        // f* = −1000 makes the Polyak step thousands of times too long; the quadratic model sees it land far above f(x₀).
        var result = Minimizer.Minimize(Quadratic(3), Start, new GdPolyak(0.1, 5, 4, -1000) { Safeguard = true });
        var t = result.Trace;
        int first = t.Kind.IndexOf(StepKind.Long);
        Assert.Equal("shortened", t.Note[first]);
        Assert.DoesNotContain(StepKind.Rejected, t.Kind[..first].ToArray());
        // Shortened to 2/a, the step reflects x: f is what it was, as predicted, and far below f(x₀).
        Assert.Equal(t.Value[first - 1], t.PredictedValue[first], t.Value[first - 1] * 1e-12);
        Assert.Equal(t.Value[first - 1], t.Value[first], t.Value[first - 1] * 1e-12);
        Assert.Equal(2.0 / 3, t.Stepsize[first], 1e-15);
    }

    [Fact]
    public void A_method_without_the_safeguard_has_no_prediction_column()
    {
        Assert.Equal(TraceColumns.None, new GdPolyak(0.1, 5, 6, 0).TraceColumns & TraceColumns.Prediction);
        Assert.Equal(TraceColumns.Prediction, new AdaptiveGdPolyak(0).TraceColumns & TraceColumns.Prediction);
        Assert.Equal(TraceColumns.None, new AdaptiveGdPolyak(0) { Safeguard = false }.TraceColumns & TraceColumns.Prediction);
    }
}
