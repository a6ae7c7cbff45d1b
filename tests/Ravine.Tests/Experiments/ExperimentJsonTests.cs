using Ravine.Cli.Experiments;

namespace Ravine.Tests.Experiments;

public class ExperimentJsonTests
{
    [Fact]
    public void A_run_summary_round_trips_with_every_double_bit_for_bit()
    {
        var run = Assert.Single(Runner.Run(new ExperimentPlan { Problems = ["quartic-rosenbrock"], Methods = ["gdpolyak"] }));
        var summary = RunSummary.From(run) with { FinalDistance = double.NaN, BestDistance = 1 / 3.0, LastLongStep = double.PositiveInfinity };
        string json = ExperimentJson.Serialize(summary);
        var back = ExperimentJson.Deserialize<RunSummary>(json);
        Assert.Equal(summary, back);
        Assert.Equal(json, ExperimentJson.Serialize(back));
        // The method's own options, numbers as JSON numbers, under the keys the command line and config files use.
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var options = document.RootElement.GetProperty("options");
        Assert.Equal("0.0125", options.GetProperty("eta").GetRawText());
        Assert.Equal("100", options.GetProperty("K").GetRawText());
        Assert.Equal("50", options.GetProperty("epochs").GetRawText());
        Assert.Equal(BitConverter.DoubleToInt64Bits(summary.FinalGap), BitConverter.DoubleToInt64Bits(back.FinalGap));
        Assert.Contains("\"finalDistance\": \"NaN\"", ExperimentJson.Serialize(summary));
    }
}
