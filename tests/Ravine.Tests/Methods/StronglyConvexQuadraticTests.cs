using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;

namespace Ravine.Tests.Methods;

public class StronglyConvexQuadraticTests
{
    // f(x) = ½ Σ λ_i (x_i − c_i)², minimizer c, f* = 0, L = max λ = 4.
    private static readonly double[] Curvature = [1.0, 2.0, 4.0];
    private static readonly double[] Minimizer_ = [1.0, -2.0, 0.5];

    private static IObjective Quadratic() => Objective.Create(3, (x, g) =>
    {
        double f = 0;
        for (int i = 0; i < 3; i++)
        {
            double d = x[i] - Minimizer_[i];
            g[i] = Curvature[i] * d;
            f += 0.5 * Curvature[i] * d * d;
        }
        return f;
    }, optimalValue: 0);

    // Adam has its own test below: with its default-free learning rate it reaches 1e-9 only with a tuned schedule.
    public static TheoryData<string> MethodNames => MethodsUnderTest.Names(except: "adam");

    private static IMethod Create(string name) => MethodsUnderTest.Create(name, 0.25);

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Converges_to_the_known_minimizer(string method)
    {
        var result = Minimizer.Minimize(Quadratic(), [5.0, 5.0, 5.0], Create(method),
            new MinimizeOptions { MaxIterations = 20_000, GradientTolerance = 1e-10 });
        Assert.True(result.Converged, result.ToString());
        for (int i = 0; i < 3; i++)
            Assert.Equal(Minimizer_[i], result.X[i], 1e-9);
    }

    [Fact]
    public void Adam_gets_close_to_the_minimizer()
    {
        // With a constant learning rate Adam hovers at a distance of about the learning rate; it does not converge exactly.
        var result = Minimizer.Minimize(Quadratic(), [5.0, 5.0, 5.0], new Adam(0.01), new MinimizeOptions { MaxIterations = 5_000 });
        for (int i = 0; i < 3; i++)
            Assert.Equal(Minimizer_[i], result.BestX[i], 0.02);
    }

    [Fact]
    public void LBfgs_solves_the_quadratic_in_few_iterations()
    {
        var result = Minimizer.Minimize(Quadratic(), [5.0, 5.0, 5.0], new LBfgs(), new MinimizeOptions { GradientTolerance = 1e-10 });
        Assert.Equal(StopReason.GradientTolerance, result.StopReason);
        Assert.InRange(result.Iterations, 1, 12);
        Assert.True(result.OracleCalls > result.Iterations, "line-search trials are counted");
    }
}
