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

    public static TheoryData<string> MethodNames => new() { "GD", "Polyak", "GDPolyak", "Nesterov", "BB", "GD-Armijo", "L-BFGS", "AdGD", "GDPolyak-adaptive" };

    private static IMethod Create(string name) => name switch
    {
        "GD" => new GradientDescent(0.25),
        "Polyak" => new PolyakStep(0),
        "GDPolyak" => new GdPolyak(0.25, 5, 100, 0),
        "Nesterov" => new NesterovGradient(0.25),
        "BB" => new BarzilaiBorwein(0.25),
        "GD-Armijo" => new ArmijoGradientDescent(),
        "AdGD" => new AdaptiveGradientDescent(),
        "GDPolyak-adaptive" => new AdaptiveGdPolyak(0),
        "L-BFGS" => new LBfgs(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

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
