using Ravine.Examples;
using Ravine.Optimization;

namespace Ravine.Tests.Docs;

public class OwnObjectiveExampleTests
{
    [Fact]
    public void The_usage_example_runs_and_GdPolyak_beats_gradient_descent()
    {
        var output = new StringWriter();
        var (gdPolyak, gd) = OwnObjectiveExample.Run(output);
        Assert.True(gdPolyak.StopReason == StopReason.GapTolerance, output.ToString());
        Assert.True(gdPolyak.Gap <= 1e-20, output.ToString());
        Assert.Equal(gdPolyak.Iterations, gd.Iterations);
        Assert.True(gd.Gap > 1e-10, output.ToString());
        Assert.StartsWith("Gradient check of 8/8 coordinates", output.ToString());
    }
}
