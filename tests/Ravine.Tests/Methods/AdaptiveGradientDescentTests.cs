using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;

namespace Ravine.Tests.Methods;

public class AdaptiveGradientDescentTests
{
    // f(x) = ½ Σ λ_i (x_i − c_i)², minimizer c, f* = 0, curvatures 1 to 4.
    private static readonly double[] Curvature = [1.0, 2.0, 4.0];
    private static readonly double[] Center = [1.0, -2.0, 0.5];

    private static IObjective Quadratic() => Objective.Create(3, (x, g) =>
    {
        double f = 0;
        for (int i = 0; i < 3; i++)
        {
            double d = x[i] - Center[i];
            g[i] = Curvature[i] * d;
            f += 0.5 * Curvature[i] * d * d;
        }
        return f;
    }, optimalValue: 0);

    [Theory]
    [InlineData(AdaptiveGradientDescent.Constant2020)]
    [InlineData(AdaptiveGradientDescent.Constant2024)]
    public void AdGD_converges_to_the_minimizer_of_a_strongly_convex_quadratic(double constant)
    {
        var result = Minimizer.Minimize(Quadratic(), [5.0, 5.0, 5.0], new AdaptiveGradientDescent(constant),
            new MinimizeOptions { MaxIterations = 2_000, GradientTolerance = 1e-10 });
        Assert.Equal(StopReason.GradientTolerance, result.StopReason);
        for (int i = 0; i < 3; i++)
            Assert.Equal(Center[i], result.X[i], 1e-9);
    }

    [Theory]
    [InlineData(AdaptiveGradientDescent.Constant2020)]
    [InlineData(AdaptiveGradientDescent.Constant2024)]
    public void AdGD_stepsize_is_the_least_of_the_growth_bound_and_the_local_curvature_bound(double constant)
    {
        var points = new List<(double[] X, double[] G, double Stepsize)>();
        Minimizer.Minimize(Quadratic(), [5.0, 5.0, 5.0], new AdaptiveGradientDescent(constant), new MinimizeOptions
        {
            MaxIterations = 40,
            Observer = (in IterationInfo info) => { points.Add((info.X.ToArray(), info.Gradient.ToArray(), info.Stepsize)); return ObserverAction.Continue; },
        });
        // Row k + 1 holds λ_k, the step taken from point k.
        double previous = points[1].Stepsize, theta = double.PositiveInfinity;
        Assert.Equal(1e-6 * Norm(points[0].X) / Norm(points[0].G), previous, 1e-15);
        for (int k = 1; k + 1 < points.Count; k++)
        {
            double curvatureBound = constant * Distance(points[k].X, points[k - 1].X) / Distance(points[k].G, points[k - 1].G);
            double expected = Math.Min(Math.Sqrt(1 + theta) * previous, curvatureBound);
            double actual = points[k + 1].Stepsize;
            Assert.Equal(expected, actual, expected * 1e-12);
            Assert.True(actual <= curvatureBound * (1 + 1e-12), $"step {k}: λ = {actual} exceeds c/L_k = {curvatureBound}");
            theta = actual / previous;
            previous = actual;
        }
    }

    [Fact]
    public void AdGD_with_a_given_first_stepsize_takes_it_first()
    {
        var result = Minimizer.Minimize(Quadratic(), [5.0, 5.0, 5.0], new AdaptiveGradientDescent(initialStepsize: 0.1), new MinimizeOptions { MaxIterations = 3 });
        Assert.Equal(0.1, result.Trace.Stepsize[1]);
    }

    [Fact]
    public void AdGD_on_a_linear_stretch_grows_its_stepsize_by_the_growth_bound_only()
    {
        // ∇f is constant: no curvature is seen, so only √(1 + θ) λ limits the step, and it stays finite.
        var linear = Objective.Create(2, (x, g) => { g[0] = 1; g[1] = -2; return x[0] - 2 * x[1]; });
        var result = Minimizer.Minimize(linear, [0.0, 0.0], new AdaptiveGradientDescent(initialStepsize: 1e-3),
            new MinimizeOptions { MaxIterations = 5, DivergenceFactor = double.PositiveInfinity });
        var steps = result.Trace.Stepsize.ToArray();
        Assert.Equal(1e-3, steps[1]);
        Assert.Equal(1e-3, steps[2]); // θ₀ = ∞ and no curvature: the last stepsize is kept
        Assert.Equal(Math.Sqrt(2) * 1e-3, steps[3], 1e-15);
        Assert.All(steps, s => Assert.True(double.IsFinite(s)));
    }

    [Fact]
    public void The_2024_constant_is_one_over_root_two_correctly_rounded()
    {
        // √0.5 is correctly rounded; 1 / √2 computed in two roundings lands one ulp below.
        double correctlyRounded = Math.Sqrt(0.5);
        Assert.Equal(AdaptiveGradientDescent.Constant2024, correctlyRounded);
    }

    [Fact]
    public void AdGD_options_are_validated_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveGradientDescent(initialStepsize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveGradientDescent(initialStepsize: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveGradientDescent(constant: 1.0));
    }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(t => t * t));

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum());
}
