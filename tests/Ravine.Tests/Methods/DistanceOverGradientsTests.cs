using System.Numerics.Tensors;
using Ravine.Methods;

namespace Ravine.Tests.Methods;

public class DistanceOverGradientsTests
{
    [Fact]
    public void Converges_to_the_minimizer_of_an_ill_conditioned_quadratic() =>
        TestRuns.AssertSolvesTheIllConditionedQuadratic(new DistanceOverGradients());

    [Fact]
    public void Makes_steady_but_sublinear_progress_on_the_quartic_rosenbrock()
    {
        // No long steps: like gradient descent it crawls along the ravine, which is what GDPolyak's Polyak step is for.
        var result = TestRuns.QuarticRosenbrock(new DistanceOverGradients(), 5_000);
        Assert.True(result.BestValue < 1e-3, $"best f {result.BestValue:G3}");
        Assert.True(result.BestValue > 1e-10, $"best f {result.BestValue:G3}");
    }

    [Fact]
    public void The_first_step_moves_r_epsilon_relative_to_the_start()
    {
        var result = TestRuns.QuarticRosenbrock(new DistanceOverGradients(1e-3), 1);
        double firstMovement = 1e-3 * (1 + TensorPrimitives.Norm(TestRuns.RosenbrockStart));
        Assert.Equal(firstMovement / result.Trace.GradientNorm[0], result.Trace.Stepsize[1], 1e-15);
    }

    [Fact]
    public void The_numerator_never_shrinks_and_starts_at_r_epsilon()
    {
        // η_t √(Σ_{i≤t} ‖g_i‖²) is the paper's r̄_t = max(r_ε, max_{i≤t} ‖x_i − x₀‖), nondecreasing by definition.
        var trace = TestRuns.QuarticRosenbrock(new DistanceOverGradients(), 2_000).Trace;
        double squares = 0, previous = 0;
        for (int t = 0; t + 1 < trace.Count; t++)
        {
            squares += trace.GradientNorm[t] * trace.GradientNorm[t];
            double numerator = trace.Stepsize[t + 1] * Math.Sqrt(squares);
            if (t == 0) Assert.Equal(1e-6 * (1 + TensorPrimitives.Norm(TestRuns.RosenbrockStart)), numerator, 1e-15);
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
