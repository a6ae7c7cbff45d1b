using Ravine.Experiments;

namespace Ravine.Tests.Experiments;

public class ExperimentJsonTests
{
    [Fact]
    public void A_run_summary_round_trips_with_every_double_bit_for_bit()
    {
        var run = Assert.Single(ExperimentRunner.Run(new ExperimentPlan { Problems = ["quartic-rosenbrock"], Methods = ["gdpolyak"] }));
        var summary = RunSummary.From(run) with { FinalDistance = double.NaN, BestDistance = 1 / 3.0, LastLongStep = double.PositiveInfinity };
        var back = ExperimentJson.Deserialize<RunSummary>(ExperimentJson.Serialize(summary));
        Assert.Equal(summary, back);
        Assert.Equal(BitConverter.DoubleToInt64Bits(summary.FinalGap), BitConverter.DoubleToInt64Bits(back.FinalGap));
        Assert.Contains("\"finalDistance\": \"NaN\"", ExperimentJson.Serialize(summary));
    }
}
