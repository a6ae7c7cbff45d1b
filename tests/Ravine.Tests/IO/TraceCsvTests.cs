using Ravine.IO;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.IO;

public class TraceCsvTests
{
    [Fact]
    public void A_trace_written_and_read_back_is_bit_for_bit_the_same()
    {
        var result = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], new GdPolyak(0.0125, 100, 5, 0));
        var text = new StringWriter();
        TraceCsv.Write(result.Trace, text);
        var back = TraceCsv.Read(new StringReader(text.ToString()));
        Assert.True(result.Trace.NumericallyIdentical(back));
        Assert.True(result.Trace.Seconds.SequenceEqual(back.Seconds));
    }

    [Fact]
    public void NaN_infinities_and_subnormals_survive_the_round_trip()
    {
        var trace = new Trace();
        trace.Add(new TraceRow(0, 1, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, 0.1, StepKind.Start, double.NaN, 0));
        trace.Add(new TraceRow(1, 2, -0.0, 1e-310, Math.PI, 1 / 3.0, StepKind.Skipped, 2.5e-300, 1e-6));
        var text = new StringWriter();
        TraceCsv.Write(trace, text);
        Assert.True(trace.NumericallyIdentical(TraceCsv.Read(new StringReader(text.ToString()))));
    }

    [Fact]
    public void A_method_without_trace_columns_writes_the_common_columns_and_the_observations_only()
    {
        var result = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], new GradientDescent(0.0125), new MinimizeOptions { MaxIterations = 3 });
        var text = new StringWriter();
        TraceCsv.Write(result.Trace, text);
        string[] lines = text.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("iteration,oracle_calls,f,gap,gradient_norm,stepsize,kind,distance,seconds,growth_order,contraction,gradient_share,train_accuracy,test_accuracy", lines[0]);
        Assert.Equal(TraceCsv.Header(TraceColumns.None), lines[0]);
        Assert.Equal(4, lines.Length - 1);
        Assert.All(lines, line => Assert.Equal(14, line.Split(',').Length));
        // Without annotations the last five cells are blank.
        Assert.EndsWith(",,,,,", lines[2]);
        Assert.StartsWith("0,1,", lines[1]);
        Assert.Contains(",short,", lines[2]);
    }

    [Fact]
    public void With_the_safeguard_GDPolyak_adds_the_predicted_f_column_and_its_file_reads_back_bit_for_bit()
    {
        var result = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], new GdPolyak(0.0125, 10, 4, 0) { Safeguard = true });
        Assert.Equal(TraceColumns.Note | TraceColumns.OptimalValueEstimate | TraceColumns.Prediction, result.Trace.Columns);
        var text = new StringWriter();
        TraceCsv.Write(result.Trace, text);
        string[] lines = text.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("iteration,oracle_calls,f,gap,gradient_norm,stepsize,kind,distance,seconds,note,fstar_estimate,predicted_f,growth_order,contraction,gradient_share,train_accuracy,test_accuracy", lines[0]);
        Assert.Contains(result.Trace.PredictedValue.ToArray(), double.IsFinite);
        Assert.True(result.Trace.NumericallyIdentical(TraceCsv.Read(new StringReader(text.ToString()))));
    }

    [Fact]
    public void GDPolyak_declares_the_note_and_estimate_columns_and_its_file_keeps_the_header_it_always_had()
    {
        var result = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], new GdPolyak(0.0125, 10, 2, null) { OptimalValueEstimate = -1, Safeguard = false });
        Assert.Equal(TraceColumns.Note | TraceColumns.OptimalValueEstimate, result.Trace.Columns);
        var text = new StringWriter();
        TraceCsv.Write(result.Trace, text);
        string[] lines = text.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("iteration,oracle_calls,f,gap,gradient_norm,stepsize,kind,distance,seconds,note,fstar_estimate,growth_order,contraction,gradient_share,train_accuracy,test_accuracy", lines[0]);
        Assert.All(lines, line => Assert.Equal(16, line.Split(',').Length));
        Assert.True(result.Trace.NumericallyIdentical(TraceCsv.Read(new StringReader(text.ToString()))));
    }

    [Fact]
    public void Columns_are_read_by_name_wherever_they_stand()
    {
        string text = "seconds,kind,fstar_estimate,iteration,oracle_calls,f,gap,gradient_norm,stepsize,distance\n0.5,long,-1,1,2,3,4,5,6,7\n";
        var trace = TraceCsv.Read(new StringReader(text));
        Assert.Equal(TraceColumns.OptimalValueEstimate, trace.Columns);
        Assert.Equal(new TraceRow(1, 2, 3, 4, 5, 6, StepKind.Long, 7, 0.5, null, -1), trace[0]);
        Assert.Empty(trace.Note.ToArray());
    }

    [Fact]
    public void A_header_with_an_unknown_a_repeated_or_a_missing_column_is_refused_naming_it()
    {
        string common = "iteration,oracle_calls,f,gap,gradient_norm,stepsize,kind,distance,seconds";
        Assert.Contains("'momentum'", Assert.Throws<FormatException>(() => TraceCsv.Read(new StringReader(common + ",momentum\n"))).Message);
        Assert.Contains("'note' twice", Assert.Throws<FormatException>(() => TraceCsv.Read(new StringReader(common + ",note,note\n"))).Message);
        Assert.Contains("'distance'", Assert.Throws<FormatException>(() => TraceCsv.Read(new StringReader(common.Replace(",distance", "") + "\n"))).Message);
        Assert.Contains("observation columns", Assert.Throws<FormatException>(() => TraceCsv.Read(new StringReader(common + ",growth_order\n"))).Message);
    }

    [Fact]
    public void Notes_survive_the_round_trip_and_an_empty_cell_reads_as_no_note()
    {
        var trace = new Trace(columns: TraceColumns.Note);
        trace.Add(new TraceRow(0, 1, 1, 1, 1, 0, StepKind.Start, double.NaN, 0));
        trace.Add(new TraceRow(1, 2, 1, 1, 1, 5, StepKind.Long, double.NaN, 0, "stall"));
        var text = new StringWriter();
        TraceCsv.Write(trace, text);
        var back = TraceCsv.Read(new StringReader(text.ToString()));
        Assert.Equal(new string?[] { null, "stall" }, back.Note.ToArray().AsEnumerable());
    }

    [Fact]
    public void Annotations_survive_the_round_trip_and_blank_cells_read_as_none()
    {
        var trace = new Trace();
        trace.Add(new TraceRow(0, 1, 1, 1, 1, 0, StepKind.Start, double.NaN, 0));
        trace.Add(new TraceRow(1, 2, 1, 1, 1, 5, StepKind.Long, double.NaN, 0));
        var annotation = new TraceAnnotation(3.9999999999999996, 0.75, 1e-300, double.NaN, 0.125);
        var text = new StringWriter();
        TraceCsv.Write(trace, text, row => row == 1 ? annotation : TraceAnnotation.None);
        var annotations = new Dictionary<int, TraceAnnotation>();
        var back = TraceCsv.Read(new StringReader(text.ToString()), annotations);
        Assert.True(back.NumericallyIdentical(trace));
        Assert.Equal(annotation, Assert.Single(annotations, a => a.Key == 1).Value);
        Assert.Single(annotations);
        Assert.EndsWith(",0.125", text.ToString().TrimEnd('\n'));
    }

    [Fact]
    public void A_file_written_before_the_annotation_columns_is_still_read_but_not_continued()
    {
        string old = "iteration,oracle_calls,f,gap,gradient_norm,stepsize,kind,distance,seconds,note,fstar_estimate\n0,1,1,1,1,0,start,NaN,0,,NaN\n";
        var back = TraceCsv.Read(new StringReader(old));
        Assert.Equal(1, back.Count);
        Assert.Equal(TraceColumns.Note | TraceColumns.OptimalValueEstimate, back.Columns);
        var error = Assert.Throws<FormatException>(() => TraceCsv.ReadRows(System.Text.Encoding.UTF8.GetBytes(old), 1, out _));
        Assert.Contains("earlier Ravine", error.Message);
    }

    [Fact]
    public void A_file_written_before_the_note_column_is_still_read()
    {
        string old = "iteration,oracle_calls,f,gap,gradient_norm,stepsize,kind,distance,seconds\n0,1,1,1,1,0,start,NaN,0\n";
        var trace = TraceCsv.Read(new StringReader(old));
        Assert.Equal(1, trace.Count);
        Assert.Equal(TraceColumns.None, trace.Columns);
        Assert.Null(trace[0].Note);
    }

    [Fact]
    public void A_note_with_a_comma_is_refused_rather_than_written_as_a_broken_line()
    {
        var trace = new Trace(columns: TraceColumns.Note);
        trace.Add(new TraceRow(0, 1, 1, 1, 1, 0, StepKind.Start, double.NaN, 0, "a,b"));
        Assert.Throws<InvalidOperationException>(() => TraceCsv.Write(trace, new StringWriter()));
    }

    private static byte[] Csv(int rows, string tail = "")
    {
        var result = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], new GradientDescent(0.0125), new MinimizeOptions { MaxIterations = rows - 1 });
        var text = new StringWriter();
        TraceCsv.Write(result.Trace, text);
        return System.Text.Encoding.UTF8.GetBytes(text + tail);
    }

    [Fact]
    public void ReadRows_reads_the_first_rows_and_the_bytes_they_end_at_ignoring_what_follows()
    {
        byte[] whole = Csv(6);
        byte[] cut = Csv(6, tail: "6,7,0.5,0.5,0.");
        var trace = TraceCsv.ReadRows(cut, 4, out long length);
        Assert.Equal(4, trace.Count);
        Assert.True(trace.NumericallyIdentical(TraceCsv.ReadRows(whole, 4, out _)));
        string kept = System.Text.Encoding.UTF8.GetString(cut, 0, (int)length);
        Assert.Equal(5, kept.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("\n", kept);
    }

    [Fact]
    public void ReadRows_counts_a_last_line_without_its_end_as_missing()
    {
        byte[] bytes = Csv(3);
        var error = Assert.Throws<FormatException>(() => TraceCsv.ReadRows(bytes[..^1], 3, out _));
        Assert.Contains("holds 2 whole rows, expected at least 3", error.Message);
        Assert.Throws<FormatException>(() => TraceCsv.ReadRows("iteration,oracle"u8, 0, out _));
    }
}
