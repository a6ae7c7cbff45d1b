using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;

namespace Ravine.Tests.Methods;

public class HazanKakadePolyakTests
{
    [Fact]
    public void Converges_to_the_minimizer_of_an_ill_conditioned_quadratic_from_a_loose_lower_bound() =>
        TestRuns.AssertSolvesTheIllConditionedQuadratic(new HazanKakadePolyak(lowerBound: -10), gradientTolerance: 1e-8, distance: 1e-6);

    // f(x) = Σ (i + 1) x_i⁴: convex with a degenerate minimum at 0, f* = 0.
    private static IObjective ConvexQuartic() => Objective.Create(2, (x, g) =>
    {
        double f = 0;
        for (int i = 0; i < 2; i++)
        {
            f += (i + 1) * Math.Pow(x[i], 4);
            g[i] = 4 * (i + 1) * Math.Pow(x[i], 3);
        }
        return f;
    }, optimalValue: 0);

    [Theory]
    [InlineData(-10.0, true)]
    [InlineData(-1e-3, false)]
    public void On_a_convex_loss_the_bound_only_rises_and_stays_below_f_star(double lowerBound, bool mustRise)
    {
        foreach (var (objective, start) in new[] { (TestRuns.IllConditionedQuadratic(), new[] { 5.0, 5.0, 5.0 }), (ConvexQuartic(), TestRuns.RosenbrockStart) })
        {
            var trace = Minimizer.Minimize(objective, start, new HazanKakadePolyak(lowerBound) { PhaseLength = 50 },
                new MinimizeOptions { MaxIterations = 5_000 }).Trace;
            int raised = 0;
            for (int t = 2; t < trace.Count; t++)
            {
                Assert.True(trace.OptimalValueEstimate[t] >= trace.OptimalValueEstimate[t - 1], $"the bound fell at {t}");
                if (trace.OptimalValueEstimate[t] > trace.OptimalValueEstimate[t - 1]) raised++;
                Assert.True(trace.OptimalValueEstimate[t] <= 0, $"the bound {trace.OptimalValueEstimate[t]:R} passed f* = 0 at {t} of {trace.Count}");
            }
            // A tight bound may never need raising: the quadratic is solved before a phase stalls.
            if (mustRise) Assert.True(raised > 0, "the bound was never raised");
        }
    }

    [Fact]
    public void With_the_true_f_star_as_bound_its_first_phase_is_the_polyak_method()
    {
        var hk = TestRuns.QuarticRosenbrock(new HazanKakadePolyak(0), 100).Trace;
        var polyak = TestRuns.QuarticRosenbrock(new PolyakStep(0), 100).Trace;
        Assert.Equal(polyak.Value.ToArray(), hk.Value.ToArray());
    }

    [Fact]
    public void Rejects_a_phase_shorter_than_one_step()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HazanKakadePolyak { PhaseLength = 0 });
        Assert.Throws<ArgumentException>(() => MethodRegistry.Find("polyak-hk").Create(new Dictionary<string, string> { ["phase"] = "0" }));
    }
}
