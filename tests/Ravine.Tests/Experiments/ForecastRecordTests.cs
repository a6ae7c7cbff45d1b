using Ravine.Analysis;
using Ravine.Cli.Experiments;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Experiments;

/// <summary>
/// The forecast's record counts the long steps that carry a forecast, calls a rise where the forecast or the outcome is
/// above f at the point the step left from, and measures the error in decades on the gaps from the trace's f*.
/// </summary>
public class ForecastRecordTests
{
    // Gaps per row: (kind, gap, predicted gap or NaN, note). f = f* + gap.
    private static Trace HandBuilt(double optimal, bool optimalKnown = true)
    {
        (StepKind Kind, double Gap, double Predicted, string? Note)[] rows =
        [
            (StepKind.Start, 10, double.NaN, null),
            (StepKind.Short, 4, double.NaN, null),
            (StepKind.Long, 5, 6, null),                       // rise forecast, rise: right; error log10(6/5)
            (StepKind.Short, 2, double.NaN, null),
            (StepKind.Long, 1, 3, ForecastRecord.ShortenedNote), // rise forecast, fall: wrong; error log10(3)
            (StepKind.Short, 0.5, double.NaN, null),
            (StepKind.Long, 0.1, 0.01, null),                  // fall forecast, fall: right; error 1
            (StepKind.Rejected, 0.1, 0.05, "blow-up"),         // undone: a rise, forecast a fall: wrong; no error
            (StepKind.Long, 0.2, double.NaN, null),            // no forecast: not counted
            (StepKind.Long, 0, 0.05, null),                    // fall forecast, fall: right; gap 0: no error
            (StepKind.Rejected, 0, double.NaN, "no-progress"), // a rollback judged by its epoch: not counted
        ];
        var trace = new Trace(16, TraceColumns.Note | TraceColumns.Prediction);
        for (int i = 0; i < rows.Length; i++)
        {
            var (kind, gap, predicted, note) = rows[i];
            trace.Add(new TraceRow(i, i, optimal + gap, optimalKnown ? gap : double.NaN, 1, 1, kind, double.NaN, 0, note, double.NaN, optimal + predicted));
        }
        return trace;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(1e3)]
    public void A_hand_built_trace_gives_its_exact_counts_and_median(double optimal)
    {
        var record = ForecastRecord.Of(HandBuilt(optimal))!;
        Assert.Equal(5, record.LongSteps);
        Assert.Equal(1, record.Shortened);
        Assert.Equal(1, record.Undone);
        Assert.Equal(2, record.PredictedRises);
        Assert.Equal(2, record.ActualRises);
        Assert.Equal(3, record.DirectionRight);
        Assert.Equal(0.6, record.DirectionRightShare, 12);
        Assert.Equal(3, record.Measured);
        // The errors log10(1.2), log10(3) and 1: the median is log10(3), with f* 0 or not.
        Assert.Equal(Math.Log10(3), record.MedianError, 9);
        Assert.Collection(record.Errors, e => Assert.Equal(Math.Log10(1.2), e, 9), e => Assert.Equal(Math.Log10(3), e, 9), e => Assert.Equal(1, e, 9));
    }

    [Fact]
    public void With_f_star_unknown_the_counts_stand_and_no_error_is_measured()
    {
        var record = ForecastRecord.Of(HandBuilt(0, optimalKnown: false))!;
        Assert.Equal((5, 1, 1, 2, 2, 3), (record.LongSteps, record.Shortened, record.Undone, record.PredictedRises, record.ActualRises, record.DirectionRight));
        Assert.Equal(0, record.Measured);
        Assert.True(double.IsNaN(record.MedianError));
    }

    [Fact]
    public void A_trace_without_a_forecast_column_has_no_record()
    {
        var trace = new Trace(4, TraceColumns.Note);
        trace.Add(new TraceRow(0, 1, 1, 1, 1, 0, StepKind.Start, double.NaN, 0));
        trace.Add(new TraceRow(1, 2, 0.5, 0.5, 1, 1, StepKind.Long, double.NaN, 0));
        Assert.Null(ForecastRecord.Of(trace));
    }

    [Fact]
    public void Combined_records_add_their_counts_and_pool_their_errors()
    {
        var known = ForecastRecord.Of(HandBuilt(0))!;
        var unknown = ForecastRecord.Of(HandBuilt(0, optimalKnown: false))!;
        var both = ForecastRecord.Combine([known, null, unknown, known])!;
        Assert.Equal(15, both.LongSteps);
        Assert.Equal(9, both.DirectionRight);
        Assert.Equal(6, both.Measured);
        // Pooled errors log10(1.2) twice, log10(3) twice, 1 twice: the median is log10(3), not the median of the medians' NaN.
        Assert.Equal(Math.Log10(3), both.MedianError, 9);
        Assert.Null(ForecastRecord.Combine([null, null]));
    }

    [Fact]
    public void A_record_read_back_from_the_summary_json_equals_the_one_written()
    {
        var record = ForecastRecord.Of(HandBuilt(0))!;
        string json = ExperimentJson.Serialize(record);
        Assert.DoesNotContain("errors", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(record, ExperimentJson.Deserialize<ForecastRecord>(json));
    }

    [Fact]
    public void With_the_true_f_star_on_quartic_rosenbrock_no_long_step_is_shortened_and_the_direction_is_mostly_right()
    {
        var problem = ProblemRegistry.Generate("quartic-rosenbrock");
        var result = Minimizer.Minimize(problem, problem.Start, new AdaptiveGdPolyak(problem.OptimalValue), new MinimizeOptions { MaxOracleCalls = 10_000 });
        var record = ForecastRecord.Of(result.Trace)!;
        Assert.True(record.LongSteps > 100, $"{record.LongSteps} long steps");
        Assert.Equal(0, record.Shortened);
        Assert.Equal(0, record.Undone);
        Assert.True(record.DirectionRightShare > 0.9, $"direction right on {record.DirectionRightShare:P0}");
        Assert.True(record.Measured > 0 && double.IsFinite(record.MedianError));
    }

    [Fact]
    public void With_f_star_given_half_too_low_on_box3_the_forecast_shortens_long_steps()
    {
        var problem = ProblemRegistry.Generate("box3");
        var result = Minimizer.Minimize(problem, problem.Start, new AdaptiveGdPolyak(problem.OptimalValue - 0.5), new MinimizeOptions { MaxOracleCalls = 10_000 });
        var record = ForecastRecord.Of(result.Trace)!;
        Assert.True(record.Shortened > 0, $"{record.Shortened} of {record.LongSteps} long steps shortened");
        Assert.Equal(result.Trace.Note.ToArray().Count(n => n == "shortened"), record.Shortened);
    }

    [Fact]
    public void The_safeguard_off_run_makes_no_forecast()
    {
        var problem = ProblemRegistry.Generate("quartic-rosenbrock");
        var result = Minimizer.Minimize(problem, problem.Start, new AdaptiveGdPolyak(problem.OptimalValue) { Safeguard = false }, new MinimizeOptions { MaxOracleCalls = 2_000 });
        Assert.Null(ForecastRecord.Of(result.Trace));
    }
}
