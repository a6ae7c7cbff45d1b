using System.Numerics.Tensors;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Methods;

public class DistanceOverGradientsTests
{
    private static readonly double[] Start = [1.2, -0.7];

    private static MinimizeResult Run(IMethod method, int iterations) =>
        Minimizer.Minimize(new QuarticRosenbrock(), Start, method, new MinimizeOptions { MaxIterations = iterations });

    [Fact]
    public void Converges_to_the_minimizer_of_an_ill_conditioned_quadratic()
    {
        // f(x) = ½ Σ λ_i (x_i − c_i)², λ = 1, 10, 100: the minimizer c, f* = 0.
        double[] curvature = [1, 10, 100], minimizer = [1, -2, 0.5];
        var quadratic = Ravine.Objectives.Objective.Create(3, (x, g) =>
        {
            double f = 0;
            for (int i = 0; i < 3; i++)
            {
                double d = x[i] - minimizer[i];
                g[i] = curvature[i] * d;
                f += 0.5 * curvature[i] * d * d;
            }
            return f;
        }, optimalValue: 0);
        var result = Minimizer.Minimize(quadratic, [5.0, 5.0, 5.0], new DistanceOverGradients(),
            new MinimizeOptions { MaxIterations = 20_000, GradientTolerance = 1e-10 });
        Assert.True(result.Converged, result.ToString());
        for (int i = 0; i < 3; i++)
            Assert.Equal(minimizer[i], result.X[i], 1e-9);
    }

    [Fact]
    public void Makes_steady_but_sublinear_progress_on_the_quartic_rosenbrock()
    {
        // No long steps: like gradient descent it crawls along the ravine, which is what GDPolyak's Polyak step is for.
        var result = Run(new DistanceOverGradients(), 5_000);
        Assert.True(result.BestValue < 1e-3, $"best f {result.BestValue:G3}");
        Assert.True(result.BestValue > 1e-10, $"best f {result.BestValue:G3}");
    }

    [Fact]
    public void The_first_step_moves_r_epsilon_relative_to_the_start()
    {
        var result = Run(new DistanceOverGradients(1e-3), 1);
        double firstMovement = 1e-3 * (1 + TensorPrimitives.Norm(Start));
        Assert.Equal(firstMovement / result.Trace.GradientNorm[0], result.Trace.Stepsize[1], 1e-15);
    }

    [Fact]
    public void The_numerator_never_shrinks_and_starts_at_r_epsilon()
    {
        // η_t √(Σ_{i≤t} ‖g_i‖²) is the paper's r̄_t = max(r_ε, max_{i≤t} ‖x_i − x₀‖), nondecreasing by definition.
        var trace = Run(new DistanceOverGradients(), 2_000).Trace;
        double squares = 0, previous = 0;
        for (int t = 0; t + 1 < trace.Count; t++)
        {
            squares += trace.GradientNorm[t] * trace.GradientNorm[t];
            double numerator = trace.Stepsize[t + 1] * Math.Sqrt(squares);
            if (t == 0) Assert.Equal(1e-6 * (1 + TensorPrimitives.Norm(Start)), numerator, 1e-15);
            Assert.True(numerator >= previous * (1 - 1e-12), $"r̄ fell from {previous:R} to {numerator:R} at step {t}");
            previous = numerator;
        }
        Assert.True(previous > 0.5, $"the iterates moved only {previous:G3} from the start");
    }

    [Fact]
    public void Rejects_a_first_movement_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DistanceOverGradients(0));
        Assert.Throws<ArgumentException>(() => MethodRegistry.Find("dog").Create(new Dictionary<string, string> { ["r-epsilon"] = "-1" }));
    }
}
