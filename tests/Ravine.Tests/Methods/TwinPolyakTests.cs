using Ravine.Methods;
using Ravine.Optimization;

namespace Ravine.Tests.Methods;

public class TwinPolyakTests
{
    [Fact]
    public void Converges_to_the_minimizer_of_an_ill_conditioned_quadratic() =>
        TestRuns.AssertSolvesTheIllConditionedQuadratic(new TwinPolyak());

    [Fact]
    public void Makes_progress_on_the_quartic_rosenbrock_without_f_star()
    {
        // From f(x₀) ≈ 48 down by more than five orders; no long steps, so it crawls along the ravine (docs/COMPARE.md).
        var result = TestRuns.QuarticRosenbrock(new TwinPolyak(), 5_000);
        Assert.True(result.BestValue < 1e-3, $"best f {result.BestValue:G3} ({result.StopReason})");
    }

    [Fact]
    public void The_run_follows_the_lower_twin_so_f_never_rises_and_is_the_estimate()
    {
        var trace = TestRuns.QuarticRosenbrock(new TwinPolyak(), 2_000).Trace;
        for (int t = 1; t < trace.Count; t++)
        {
            Assert.True(trace.Value[t] <= trace.Value[t - 1], $"f rose at {t}: {trace.Value[t - 1]:R} → {trace.Value[t]:R}");
            Assert.Equal(trace.Value[t], trace.OptimalValueEstimate[t]);
        }
    }

    [Fact]
    public void Evaluates_only_the_twin_that_moved_one_call_per_iteration()
    {
        var result = TestRuns.QuarticRosenbrock(new TwinPolyak(), 300);
        Assert.Equal(result.Iterations + 1, result.OracleCalls);
    }

    [Fact]
    public void With_the_plain_gap_a_convex_loss_keeps_the_higher_twin_above_the_lower()
    {
        // c = 1: convexity gives f(x − t∇f(x)) ≥ f(x) − t‖∇f(x)‖² = f(y), so after its first step the run cannot improve;
        // this is why the default multiple of the gap is 2.
        var trace = Minimizer.Minimize(TestRuns.IllConditionedQuadratic(), [5.0, 5.0, 5.0], new TwinPolyak(gapFactor: 1),
            new MinimizeOptions { MaxIterations = 200 }).Trace;
        for (int t = 2; t < trace.Count; t++)
            Assert.Equal(trace.Value[1], trace.Value[t]);
    }

    [Fact]
    public void The_first_step_is_the_twin_aiming_at_its_start_value()
    {
        var trace = TestRuns.QuarticRosenbrock(new TwinPolyak(twinStartValue: -1), 1).Trace;
        Assert.Equal((trace.Value[0] + 1) / (trace.GradientNorm[0] * trace.GradientNorm[0]), trace.Stepsize[1], 1e-12);
    }

    [Fact]
    public void Rejects_a_gap_factor_outside_zero_to_two()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwinPolyak(gapFactor: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwinPolyak(gapFactor: 2.5));
        Assert.Throws<ArgumentException>(() => MethodRegistry.Find("twin-polyak").Create(new Dictionary<string, string> { ["gap-factor"] = "3" }));
    }
}
