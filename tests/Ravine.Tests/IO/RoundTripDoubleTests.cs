using System.Globalization;
using CsCheck;
using Ravine.IO;
using Ravine.Optimization;

namespace Ravine.Tests.IO;

public class RoundTripDoubleTests
{
    // 2⁻²⁵: .NET's shortest form "2.980232238769531E-08" parses to the double one ulp below.
    private static readonly double PowerOfTwo = Math.ScaleB(1, -25);

    [Fact]
    public void The_runtime_shortest_form_loses_an_ulp_on_a_power_of_two_and_ours_does_not()
    {
        Assert.NotEqual(PowerOfTwo, double.Parse(PowerOfTwo.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        Assert.Equal(PowerOfTwo, double.Parse(RoundTripDouble.Format(PowerOfTwo), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_double_round_trips_bit_for_bit()
    {
        Gen.Double.Sample(d =>
        {
            double back = double.Parse(RoundTripDouble.Format(d), NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(back));
        }, iter: 20_000);
        for (int e = -1074; e <= 1023; e++)
        {
            double d = Math.ScaleB(1, e);
            Assert.Equal(d, double.Parse(RoundTripDouble.Format(d), CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_checkpoint_and_a_trace_csv_keep_a_power_of_two_exactly()
    {
        var trace = new Trace();
        trace.Add(new TraceRow(0, 1, PowerOfTwo, PowerOfTwo, PowerOfTwo, 0, StepKind.Start, PowerOfTwo, 0));
        var writer = new StringWriter();
        TraceCsv.Write(trace, writer);
        Assert.True(trace.NumericallyIdentical(TraceCsv.Read(new StringReader(writer.ToString()))));

        var checkpoint = new RunCheckpoint
        {
            Method = "GD", X = [PowerOfTwo, -PowerOfTwo], Value = PowerOfTwo, Gradient = [PowerOfTwo, double.NaN], Iteration = 0,
            OracleCalls = 1, BestX = [PowerOfTwo, 0], BestValue = PowerOfTwo, BestIteration = 0, LongestStep = 0, StartValue = PowerOfTwo,
            StartGradientNorm = double.PositiveInfinity, ElapsedSeconds = 0, MethodState = new PowerMemory([PowerOfTwo]),
            Trace = trace,
        };
        using var stream = new MemoryStream();
        RunCheckpointJson.Write(checkpoint, stream);
        stream.Position = 0;
        var back = RunCheckpointJson.Read(stream);
        Assert.Equal(checkpoint.X, back.X);
        Assert.Equal(checkpoint.Gradient, back.Gradient);
        Assert.Equal(PowerOfTwo, back.Value);
        Assert.Equal(double.PositiveInfinity, back.StartGradientNorm);
        Assert.Equal([PowerOfTwo], back.MethodState.As<PowerMemory>().M);
        Assert.True(trace.NumericallyIdentical(back.Trace));
    }

    private sealed record PowerMemory(double[] M) : MethodMemory;
}
