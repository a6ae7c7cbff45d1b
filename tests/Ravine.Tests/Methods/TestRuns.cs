using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Methods;

/// <summary>The runs the tests of single methods share: the quartic Rosenbrock from a fixed start, and an ill-conditioned quadratic.</summary>
internal static class TestRuns
{
    /// <summary>A fixed start away from the ravine of the quartic Rosenbrock (the published runs draw theirs).</summary>
    public static double[] RosenbrockStart => [1.2, -0.7];

    /// <summary>The minimizer of <see cref="IllConditionedQuadratic"/>.</summary>
    public static double[] QuadraticMinimizer => [1, -2, 0.5];

    /// <summary>The method on the quartic Rosenbrock from <see cref="RosenbrockStart"/> for at most that many iterations.</summary>
    public static MinimizeResult QuarticRosenbrock(IMethod method, int iterations) =>
        Minimizer.Minimize(new QuarticRosenbrock(), RosenbrockStart, method, new MinimizeOptions { MaxIterations = iterations });

    /// <summary>f(x) = ½ Σ λ_i (x_i − c_i)² with λ = 1, 10, 100 and c = <see cref="QuadraticMinimizer"/>; f* = 0.</summary>
    public static IObjective IllConditionedQuadratic() => Objective.Create(3, (x, g) =>
    {
        double f = 0;
        for (int i = 0; i < 3; i++)
        {
            double curvature = Math.Pow(10, i), d = x[i] - QuadraticMinimizer[i];
            g[i] = curvature * d;
            f += 0.5 * curvature * d * d;
        }
        return f;
    }, optimalValue: 0);

    /// <summary>
    /// The method on <see cref="IllConditionedQuadratic"/> from (5, 5, 5) until ‖∇f‖ ≤ <paramref name="gradientTolerance"/>:
    /// asserts the run converged and its best point is within <paramref name="distance"/> of the minimizer in every coordinate.
    /// </summary>
    public static void AssertSolvesTheIllConditionedQuadratic(IMethod method, double gradientTolerance = 1e-10, double distance = 1e-9)
    {
        var result = Minimizer.Minimize(IllConditionedQuadratic(), [5.0, 5.0, 5.0], method,
            new MinimizeOptions { MaxIterations = 20_000, GradientTolerance = gradientTolerance });
        Assert.True(result.Converged || result.StopReason == StopReason.OptimalValueReached, result.ToString());
        for (int i = 0; i < 3; i++)
            Assert.Equal(QuadraticMinimizer[i], result.BestX[i], distance);
    }
}
