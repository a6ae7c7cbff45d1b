using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;

namespace Ravine.Tests.Optimization;

public class PointOfRecordTests
{
    private static readonly IObjective Square = Objective.Create(1, (x, g) => { g[0] = 2 * x[0]; return x[0] * x[0]; }, optimalValue: 0);

    // GD with η = 1.05 on x² multiplies x by −1.1 per step: every step makes f worse, so the best point is the start.
    private static MinimizeResult Overshooting() =>
        Minimizer.Minimize(Square, [1.0], new GradientDescent(1.05), new MinimizeOptions { MaxIterations = 3, DivergenceFactor = double.PositiveInfinity });

    [Fact]
    public void The_point_of_record_is_the_best_point_seen()
    {
        var r = Overshooting();
        Assert.Equal([1.0], r.X);
        Assert.Equal(1.0, r.Value);
        Assert.Equal(1.0, r.Gap);
        Assert.Equal([2.0], r.Gradient);
        Assert.Equal(2.0, r.GradientNorm);
        Assert.Equal(0, r.BestIteration);
        Assert.Equal(r.X, r.BestX);
        Assert.Equal(r.Value, r.BestValue);
    }

    [Fact]
    public void The_final_point_is_kept_beside_it()
    {
        var r = Overshooting();
        Assert.Equal(-1.331, r.FinalX[0], 1e-15);
        Assert.Equal(1.331 * 1.331, r.FinalValue, 1e-14);
        Assert.Equal(r.FinalValue, r.FinalGap);
        Assert.Equal(-2.662, r.FinalGradient[0], 1e-14);
        Assert.Equal(2.662, r.FinalGradientNorm, 1e-14);
        Assert.Equal(r.Trace.Value[^1], r.FinalValue);
        Assert.Equal(3, r.Iterations);
    }
}
