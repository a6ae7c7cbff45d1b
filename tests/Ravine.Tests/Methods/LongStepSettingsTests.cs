using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Methods;

public class LongStepSettingsTests
{
    private static readonly LongStepSettings Estimated = new() { OptimalValueEstimate = -0.5, Estimation = OptimalValueEstimation.Restarts, RestartEpochs = 3 };

    [Fact]
    public void Both_GDPolyak_methods_read_their_long_step_from_one_settings_record()
    {
        var fixedK = new GdPolyak(0.0125, 100, 20, null) { OptimalValueEstimate = -0.5, Estimation = OptimalValueEstimation.Restarts, RestartEpochs = 3 };
        Assert.Equal(Estimated, fixedK.LongStep);
        Assert.True(fixedK.SafeguardActive);
        var adaptive = new AdaptiveGdPolyak(null) { LongStep = Estimated with { Safeguard = false } };
        Assert.Equal(-0.5, adaptive.OptimalValueEstimate);
        Assert.Equal(3, adaptive.RestartEpochs);
        Assert.False(adaptive.Safeguard);
    }

    [Fact]
    public void The_safeguard_defaults_differ_by_method_and_follow_the_record_when_set()
    {
        Assert.False(new GdPolyak(0.0125, 100, 20, 0).SafeguardActive);
        Assert.True(new AdaptiveGdPolyak(0).Safeguard);
        Assert.True(new AdaptiveGdPolyak(0).LongStep.SafeguardActive);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LongStepSettings { RestartEpochs = 0 });
    }

    [Fact]
    public void Settings_given_as_a_record_run_exactly_as_settings_given_one_by_one()
    {
        var problem = new QuarticRosenbrock();
        var byRecord = Minimizer.Minimize(problem, problem.Start, new GdPolyak(0.0125, 100, 8, null) { LongStep = Estimated });
        var byProperty = Minimizer.Minimize(problem, problem.Start,
            new GdPolyak(0.0125, 100, 8, null) { OptimalValueEstimate = -0.5, Estimation = OptimalValueEstimation.Restarts, RestartEpochs = 3 });
        Assert.True(byRecord.Trace.NumericallyIdentical(byProperty.Trace));
        Assert.Contains(byRecord.Trace.Note.ToArray(), note => note == "restart");
    }
}
