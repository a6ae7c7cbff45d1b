using CsCheck;
using Ravine.Cli.Paper;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Methods;

/// <summary>The safeguarded long step of GDPolyak (fixed-K and adaptive): each long step is judged by the epoch it starts.</summary>
public class SafeguardTests
{
    /// <summary>f at the start of every long step that was not rolled back, in order (a rollback undoes the latest long step).</summary>
    private static List<double> AcceptedLongStepStarts(Trace trace)
    {
        var starts = new List<double>();
        for (int i = 1; i < trace.Count; i++)
        {
            if (trace.Kind[i] == StepKind.Long) starts.Add(trace.Value[i - 1]);
            // A rejection at the end of an epoch (stepsize 0) undoes the pending long step; a blown-up one was never recorded as long.
            else if (trace.Kind[i] == StepKind.Rejected && trace.Stepsize[i] == 0) starts.RemoveAt(starts.Count - 1);
        }
        return starts;
    }

    [Fact]
    public void With_the_safeguard_each_accepted_long_step_starts_below_the_previous_one_on_every_published_problem()
    {
        // For any f* estimate in a range (or a wrong given f* with the safeguard on), fixed-K and adaptive.
        Gen.Select(Gen.Int[0, PublishedExperiments.Problems.Count - 1], Gen.Int[0, 3], Gen.Double[-2, 2])
            .Sample((problemIndex, variant, fstar) =>
            {
                string name = PublishedExperiments.Problems[problemIndex];
                var problem = ProblemRegistry.Generate(name);
                var published = PublishedExperiments.For(name)!;
                // A third of the published K keeps the sample fast and still puts many long steps into the budget.
                int k = Math.Max(10, published.ShortSteps / 3);
                IMethod method = variant switch
                {
                    0 => new GdPolyak(published.Stepsize, k, 12, null) { OptimalValueEstimate = fstar },
                    1 => new GdPolyak(published.Stepsize, k, 12, fstar) { Safeguard = true },
                    2 => new AdaptiveGdPolyak(null) { OptimalValueEstimate = fstar, Epochs = 12 },
                    _ => new AdaptiveGdPolyak(fstar) { Epochs = 12 },
                };
                var result = Minimizer.Minimize(problem, problem.Start, method, new MinimizeOptions { MaxOracleCalls = 1500, RecordDistance = false });
                var starts = AcceptedLongStepStarts(result.Trace);
                for (int i = 1; i < starts.Count; i++)
                    Assert.True(starts[i] < starts[i - 1], $"{name}, {method.Name} variant {variant}, f* {fstar}: long step {i} starts at f = {starts[i]}, the previous at {starts[i - 1]}.");
                Assert.False(result.StopReason.IsFailure(), $"{name}, variant {variant}, f* {fstar}: {result.Message}");
            }, iter: 40, threads: 1);
    }

    [Fact]
    public void A_rolled_back_long_step_returns_to_the_point_before_it_without_an_oracle_call()
    {
        var problem = new QuarticRosenbrock();
        // f* = −1 is far too low: the first long step from near the ravine blows up.
        var result = Minimizer.Minimize(problem, problem.Start, new GdPolyak(0.0125, 100, 5, -1) { Safeguard = true });
        var t = result.Trace;
        int rejected = t.Kind.IndexOf(StepKind.Rejected);
        Assert.True(rejected > 0, "no long step was rolled back");
        Assert.Equal(BitConverter.DoubleToInt64Bits(t.Value[rejected - 1]), BitConverter.DoubleToInt64Bits(t.Value[rejected]));
        Assert.Equal(t.GradientNorm[rejected - 1], t.GradientNorm[rejected]);
        // The blown-up step's own evaluation is counted; restoring the point before it costs nothing.
        Assert.Equal(t.OracleCalls[rejected - 1] + 1, t.OracleCalls[rejected]);
        Assert.Equal(StepKind.Long, t.Kind[rejected + 1]);
    }

    [Fact]
    public void An_epoch_that_ends_above_its_long_steps_start_is_rolled_back_to_that_start()
    {
        var problem = new QuarticRosenbrock();
        var result = Minimizer.Minimize(problem, problem.Start, new GdPolyak(0.0125, 100, 20, -1) { Safeguard = true });
        var t = result.Trace;
        int row = Enumerable.Range(1, t.Count - 1).First(i => t.Kind[i] == StepKind.Rejected && t.Stepsize[i] == 0);
        int longRow = Enumerable.Range(0, row).Last(i => t.Kind[i] == StepKind.Long);
        Assert.Equal(t.Value[longRow - 1], t.Value[row]);
        Assert.True(t.Value[row - 1] >= t.Value[longRow - 1]);
        Assert.Equal(t.OracleCalls[row - 1], t.OracleCalls[row]);
        Assert.Equal("no-progress", t.Note[row]);
    }

    [Fact]
    public void The_safeguard_is_off_for_a_given_f_star_and_on_when_f_star_is_estimated_or_the_method_is_adaptive()
    {
        Assert.False(new GdPolyak(0.0125, 100, 50, 0).SafeguardActive);
        Assert.True(new GdPolyak(0.0125, 100, 50, null).SafeguardActive);
        Assert.True(new AdaptiveGdPolyak(0).Safeguard);
    }

    [Fact]
    public void Without_the_safeguard_a_far_too_low_f_star_diverges_and_the_message_blames_f_star()
    {
        var problem = new QuarticRosenbrock();
        var result = Minimizer.Minimize(problem, problem.Start, new GdPolyak(0.0125, 100, 50, -1));
        Assert.True(result.StopReason is StopReason.Diverged or StopReason.NonFiniteValue, result.Message);
        Assert.Contains("f* it used", result.Message);
    }

    [Fact]
    public void A_too_large_eta_diverges_and_the_message_blames_eta()
    {
        var problem = new QuarticRosenbrock();
        var result = Minimizer.Minimize(problem, problem.Start, new GdPolyak(0.2, 100, 50, 0));
        Assert.True(result.StopReason is StopReason.Diverged or StopReason.NonFiniteValue, result.Message);
        Assert.Contains("(η) is likely too large", result.Message);
    }
}
