using Ravine.Cli.Paper;
using Ravine.IO;
using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Methods;

public class AdaptiveGdPolyakTests
{
    private const double A = 10;

    // f = ½·a·u² + v⁴ with (u, v) the coordinates rotated by `angle`: a quadratic direction and a quartic one whose
    // ravine is the line u = 0. The quadratic part is gone once ½·a·u² is small next to v⁴.
    private static IObjective QuadraticPlusQuartic(double angle) => Objective.Create(2, (x, g) =>
    {
        double c = Math.Cos(angle), s = Math.Sin(angle);
        double u = c * x[0] + s * x[1], v = -s * x[0] + c * x[1];
        double du = A * u, dv = 4 * v * v * v;
        g[0] = c * du - s * dv;
        g[1] = s * du + c * dv;
        return 0.5 * A * u * u + v * v * v * v;
    }, optimalValue: 0);

    private static (double Quadratic, double Quartic) Parts(double angle, ReadOnlySpan<double> x)
    {
        double c = Math.Cos(angle), s = Math.Sin(angle);
        double u = c * x[0] + s * x[1], v = -s * x[0] + c * x[1];
        return (0.5 * A * u * u, v * v * v * v);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5235987755982988)]
    public void The_first_long_step_comes_once_the_quadratic_part_is_gone_and_not_much_later(double angle)
    {
        var parts = new List<(double Quadratic, double Quartic, StepKind Kind, string? Note)>();
        var result = Minimizer.Minimize(QuadraticPlusQuartic(angle), Rotate(angle, 1.0, 0.1), new AdaptiveGdPolyak(0, epochs: 1), new MinimizeOptions
        {
            Observer = (in IterationInfo info) =>
            {
                var (q, r) = Parts(angle, info.X);
                parts.Add((q, r, info.Kind, null));
                return ObserverAction.Continue;
            },
        });
        Assert.Equal(StopReason.MethodCompleted, result.StopReason);
        int longStep = parts.FindIndex(p => p.Kind == StepKind.Long);
        Assert.Equal(AdaptiveGdPolyak.StallNote, result.Trace.Note[longStep]);
        var before = parts[longStep - 1];
        Assert.True(before.Quadratic < 1e-6 * before.Quartic, $"quadratic part {before.Quadratic:G3} vs quartic {before.Quartic:G3} at the long step");
        // Nor much later: ‖∇f‖² stops halving once the quadratic part is gone (the quartic crawl is slow at v = 0.1), and
        // the detector needs one window (10 steps) to see it, and a few more while AdGD's stepsize probes upwards.
        int gone = parts.FindIndex(p => p.Kind == StepKind.Short && p.Quadratic < 1e-3 * p.Quartic);
        Assert.InRange(longStep - gone, 1, 20);
    }

    [Fact]
    public void Judged_by_the_epoch_it_starts_each_long_step_at_least_halves_the_gap()
    {
        // A long step may raise f for a moment (it re-excites the quadratic part); the next phase removes that again.
        // So compare f where successive phases end, just before their long steps.
        var result = Minimizer.Minimize(QuadraticPlusQuartic(0), [1.0, 0.1], new AdaptiveGdPolyak(0, epochs: 6));
        var t = result.Trace;
        var phaseEnds = Enumerable.Range(1, t.Count - 1).Where(i => t.Kind[i] == StepKind.Long).Select(i => t.Gap[i - 1]).ToArray();
        Assert.Equal(6, phaseEnds.Length);
        for (int e = 1; e < phaseEnds.Length; e++)
            Assert.True(phaseEnds[e] < 0.5 * phaseEnds[e - 1], $"epoch {e}: gap {phaseEnds[e - 1]:G3} → {phaseEnds[e]:G3}");
    }

    [Fact]
    public void Each_long_step_is_noted_with_its_trigger_and_short_steps_carry_no_note()
    {
        var problem = new QuarticRosenbrock();
        var result = Minimizer.Minimize(problem, [1.2, -0.7], new AdaptiveGdPolyak(0), new MinimizeOptions { MaxOracleCalls = 1_000 });
        var t = result.Trace;
        int longSteps = 0;
        for (int i = 0; i < t.Count; i++)
        {
            if (t.Kind[i] is StepKind.Long or StepKind.Skipped)
            {
                longSteps++;
                Assert.Contains(t.Note[i], new[] { AdaptiveGdPolyak.StallNote, AdaptiveGdPolyak.CapNote });
            }
            else
                Assert.Null(t.Note[i]);
        }
        Assert.True(longSteps > 10, $"{longSteps} long steps");
    }

    [Fact]
    public void A_phase_that_does_not_stall_ends_at_the_cap()
    {
        // On a pure quadratic ‖∇f‖² keeps falling geometrically: the short steps never stall.
        var quadratic = Objective.Create(2, (x, g) => { g[0] = x[0]; g[1] = 2 * x[1]; return 0.5 * x[0] * x[0] + x[1] * x[1]; }, optimalValue: 0);
        var result = Minimizer.Minimize(quadratic, [1.0, 1.0], new AdaptiveGdPolyak(0, maxShortSteps: 12, epochs: 1));
        Assert.Equal(StepKind.Long, result.Trace.Kind[13]);
        Assert.Equal(AdaptiveGdPolyak.CapNote, result.Trace.Note[13]);
    }

    [Fact]
    public void A_given_stepsize_makes_the_short_steps_constant()
    {
        var result = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], new AdaptiveGdPolyak(0, stepsize: 0.0125), new MinimizeOptions { MaxIterations = 300 });
        var t = result.Trace;
        for (int i = 1; i < t.Count; i++)
            if (t.Kind[i] == StepKind.Short) Assert.Equal(0.0125, t.Stepsize[i]);
        Assert.Contains(StepKind.Long, t.Kind.ToArray());
    }

    [Fact]
    public void A_zero_gradient_ends_the_run_as_an_exact_stationary_point()
    {
        // One short step of η = 1 on ½(x − 1)² lands exactly on the minimizer.
        var bowl = Objective.Create(1, (x, g) => { g[0] = x[0] - 1; return 0.5 * (x[0] - 1) * (x[0] - 1); }, optimalValue: 0);
        var result = Minimizer.Minimize(bowl, [3.0], new AdaptiveGdPolyak(0, stepsize: 1));
        Assert.Equal((StopReason.Stationary, 1), (result.StopReason, result.Iterations));
    }

    [Fact]
    public void With_defaults_it_reaches_the_published_fixed_K_gap_on_quartic_rosenbrock_with_under_0_6x_the_calls()
    {
        var problem = ProblemRegistry.Generate("quartic-rosenbrock", PublishedExperiments.Seed);
        var s = PublishedExperiments.For("quartic-rosenbrock")!;
        var fixedK = Minimizer.Minimize(problem, problem.Start, new GdPolyak(s.Stepsize, s.ShortSteps, s.Epochs, 0));
        long budget = (long)(0.6 * fixedK.Trace.OracleCalls[(int)fixedK.BestIteration]);
        var adaptive = Minimizer.Minimize(problem, problem.Start, new AdaptiveGdPolyak(0),
            new MinimizeOptions { MaxOracleCalls = budget, GapTolerance = fixedK.BestValue });
        Assert.Equal(StopReason.GapTolerance, adaptive.StopReason);
    }

    [Theory]
    [InlineData(150)]
    [InlineData(777)]
    public void Resuming_through_json_gives_the_uninterrupted_trace_with_its_notes(int stopAt)
    {
        var method = new AdaptiveGdPolyak(0);
        var options = new MinimizeOptions { MaxOracleCalls = 1_500 };
        using var cts = new CancellationTokenSource();
        var interrupted = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], method, options with
        {
            CancellationToken = cts.Token,
            Observer = (in IterationInfo info) => { if (info.Iteration == stopAt) cts.Cancel(); return ObserverAction.Continue; },
        });
        Assert.Equal(StopReason.Cancelled, interrupted.StopReason);
        using var stream = new MemoryStream();
        RunCheckpointJson.Write(interrupted.Checkpoint!, stream);
        stream.Position = 0;
        var resumed = Minimizer.Resume(new QuarticRosenbrock(), method, RunCheckpointJson.Read(stream), options);
        var reference = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], method, options);
        Assert.Equal(reference.X, resumed.X);
        Assert.Equal(reference.OracleCalls, resumed.OracleCalls);
        Assert.True(reference.Trace.NumericallyIdentical(resumed.Trace));
        Assert.Contains(AdaptiveGdPolyak.StallNote, resumed.Trace.Note.ToArray());
    }

    [Fact]
    public void Options_are_validated_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveGdPolyak(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveGdPolyak(0, stepsize: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveGdPolyak(0, window: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveGdPolyak(0, stallRatio: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveGdPolyak(0, minShortSteps: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveGdPolyak(0, maxShortSteps: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveGdPolyak(0, epochs: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveGdPolyak(0, adgdConstant: 0.6));
    }

    private static double[] Rotate(double angle, double u, double v) =>
        [Math.Cos(angle) * u - Math.Sin(angle) * v, Math.Sin(angle) * u + Math.Cos(angle) * v];
}
