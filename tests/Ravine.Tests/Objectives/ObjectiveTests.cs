using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;

namespace Ravine.Tests.Objectives;

public class ObjectiveTests
{
    // f(x, y) = (x² + y² − 1)²: the solution set is the unit circle, dist = |‖x‖ − 1|.
    private static double Ring(ReadOnlySpan<double> x, Span<double> g)
    {
        double w = x[0] * x[0] + x[1] * x[1] - 1;
        g[0] = 4 * w * x[0];
        g[1] = 4 * w * x[1];
        return w * w;
    }

    private static double DistanceToCircle(ReadOnlySpan<double> x) => Math.Abs(Math.Sqrt(x[0] * x[0] + x[1] * x[1]) - 1);

    [Fact]
    public void A_user_objective_with_a_distance_function_gets_the_distance_column()
    {
        var objective = Objective.Create(2, Ring, optimalValue: 0, distance: DistanceToCircle);
        var r = Minimizer.Minimize(objective, [2.0, 0.0], new GradientDescent(0.01), new MinimizeOptions { MaxIterations = 50 });
        Assert.Equal(1.0, r.Trace.Distance[0]);
        for (int row = 0; row < r.Trace.Count; row++)
            Assert.True(double.IsFinite(r.Trace.Distance[row]));
        Assert.True(r.Trace.Distance[^1] < 0.5);
        Assert.Equal(0.0, ((IKnowsOptimalValue)objective).OptimalValue);
    }

    [Fact]
    public void Without_f_star_the_distance_alone_is_known()
    {
        var objective = Objective.Create(2, Ring, distance: DistanceToCircle);
        Assert.IsAssignableFrom<IKnowsDistanceToSolutions>(objective);
        Assert.False(objective is IKnowsOptimalValue);
        Assert.False(Objective.Create(2, Ring) is IKnowsDistanceToSolutions);
        var arrays = Objective.Create(1, x => x[0] * x[0], (x, g) => g[0] = 2 * x[0], distance: x => Math.Abs(x[0]));
        Assert.Equal(3.0, ((IKnowsDistanceToSolutions)arrays).DistanceToSolutions([-3.0]));
    }
}
