namespace Ravine.Optimization;

/// <summary>
/// The per-iteration record of a run, stored column by column so that recording costs a few stores
/// and no allocation once the capacity is reached (the capacity is sized from the method's budget).
/// Row 0 is the starting point; row k is the point after step k. Besides the common columns it has those the method
/// declares (<see cref="Columns"/>).
/// </summary>
public sealed class Trace
{
    private int[] _iteration;
    private long[] _oracleCalls;
    private double[] _value, _gap, _gradientNorm, _stepsize, _distance, _seconds, _estimate, _prediction;
    private StepKind[] _kind;
    private string?[] _note;

    /// <summary>Creates an empty trace with room for <paramref name="capacity"/> rows and the method's <paramref name="columns"/>.</summary>
    public Trace(int capacity = 1024, TraceColumns columns = TraceColumns.None)
    {
        capacity = Math.Max(capacity, 4);
        Columns = columns;
        _iteration = new int[capacity];
        _oracleCalls = new long[capacity];
        _value = new double[capacity];
        _gap = new double[capacity];
        _gradientNorm = new double[capacity];
        _stepsize = new double[capacity];
        _distance = new double[capacity];
        _seconds = new double[capacity];
        // An undeclared column takes no memory: a long gradient-descent run has no notes and no f* estimates to keep.
        _estimate = HasEstimate ? new double[capacity] : [];
        _prediction = HasPrediction ? new double[capacity] : [];
        _kind = new StepKind[capacity];
        _note = HasNote ? new string?[capacity] : [];
    }

    /// <summary>The columns recorded besides the common ones (see <see cref="IMethod.TraceColumns"/>).</summary>
    public TraceColumns Columns { get; }

    /// <summary>The number of rows.</summary>
    public int Count { get; private set; }

    /// <summary>Iteration index per row.</summary>
    public ReadOnlySpan<int> Iteration => _iteration.AsSpan(0, Count);
    /// <summary>Oracle calls made up to and including the row.</summary>
    public ReadOnlySpan<long> OracleCalls => _oracleCalls.AsSpan(0, Count);
    /// <summary>f per row.</summary>
    public ReadOnlySpan<double> Value => _value.AsSpan(0, Count);
    /// <summary>f − f* per row (NaN when f* is unknown).</summary>
    public ReadOnlySpan<double> Gap => _gap.AsSpan(0, Count);
    /// <summary>‖∇f‖ per row.</summary>
    public ReadOnlySpan<double> GradientNorm => _gradientNorm.AsSpan(0, Count);
    /// <summary>The stepsize of the step that produced the row (0 for row 0).</summary>
    public ReadOnlySpan<double> Stepsize => _stepsize.AsSpan(0, Count);
    /// <summary>The kind of step that produced the row.</summary>
    public ReadOnlySpan<StepKind> Kind => _kind.AsSpan(0, Count);
    /// <summary>dist(x, S) per row (NaN when the objective does not know it or recording it is off).</summary>
    public ReadOnlySpan<double> Distance => _distance.AsSpan(0, Count);
    /// <summary>Wall-clock seconds since the start of the run.</summary>
    public ReadOnlySpan<double> Seconds => _seconds.AsSpan(0, Count);
    /// <summary>
    /// The method's note on the step that produced the row (<see cref="StepReport.Note"/>), null for most rows; empty
    /// when the trace has no <see cref="TraceColumns.Note"/> column.
    /// </summary>
    public ReadOnlySpan<string?> Note => HasNote ? _note.AsSpan(0, Count) : [];

    /// <summary>
    /// The method's estimate of f* in force at the row (<see cref="StepReport.OptimalValueEstimate"/>), NaN where it
    /// has none (f* given); empty when the trace has no <see cref="TraceColumns.OptimalValueEstimate"/> column.
    /// </summary>
    public ReadOnlySpan<double> OptimalValueEstimate => HasEstimate ? _estimate.AsSpan(0, Count) : [];

    /// <summary>
    /// The f the method predicted for the row's point before the step that reached it
    /// (<see cref="StepReport.PredictedValue"/>), NaN where it made none; empty when the trace has no
    /// <see cref="TraceColumns.Prediction"/> column.
    /// </summary>
    public ReadOnlySpan<double> PredictedValue => HasPrediction ? _prediction.AsSpan(0, Count) : [];

    private bool HasPrediction => (Columns & TraceColumns.Prediction) != 0;

    private bool HasNote => (Columns & TraceColumns.Note) != 0;

    private bool HasEstimate => (Columns & TraceColumns.OptimalValueEstimate) != 0;

    /// <summary>One row as a value.</summary>
    public TraceRow this[int row]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Count, nameof(row));
            return new TraceRow(_iteration[row], _oracleCalls[row], _value[row], _gap[row], _gradientNorm[row],
                _stepsize[row], _kind[row], _distance[row], _seconds[row], HasNote ? _note[row] : null, HasEstimate ? _estimate[row] : double.NaN,
                HasPrediction ? _prediction[row] : double.NaN);
        }
    }

    /// <summary>Appends a row; its note and f* estimate are kept only if the trace has their <see cref="Columns"/>.</summary>
    public void Add(in TraceRow row)
    {
        if (Count == _iteration.Length) Grow();
        int i = Count++;
        _iteration[i] = row.Iteration;
        _oracleCalls[i] = row.OracleCalls;
        _value[i] = row.Value;
        _gap[i] = row.Gap;
        _gradientNorm[i] = row.GradientNorm;
        _stepsize[i] = row.Stepsize;
        _kind[i] = row.Kind;
        _distance[i] = row.Distance;
        _seconds[i] = row.Seconds;
        if (HasNote) _note[i] = row.Note;
        if (HasEstimate) _estimate[i] = row.OptimalValueEstimate;
        if (HasPrediction) _prediction[i] = row.PredictedValue;
    }

    /// <summary>A copy with room for at least <paramref name="capacity"/> rows and the same columns.</summary>
    public Trace Copy(int capacity = 0) => Copy(capacity, Columns);

    /// <summary>
    /// A copy with room for at least <paramref name="capacity"/> rows and the given <paramref name="columns"/>: a column
    /// this trace lacks is null (notes) or NaN (estimates) on the copied rows; one the copy lacks is dropped.
    /// </summary>
    public Trace Copy(int capacity, TraceColumns columns)
    {
        var copy = new Trace(Math.Max(capacity, Count), columns);
        for (int i = 0; i < Count; i++) copy.Add(this[i]);
        return copy;
    }

    /// <summary>
    /// True when both traces have the same columns and hold the same rows bit for bit, ignoring the wall-clock column
    /// (which no two runs share).
    /// </summary>
    public bool NumericallyIdentical(Trace other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Columns == other.Columns && Iteration.SequenceEqual(other.Iteration) && OracleCalls.SequenceEqual(other.OracleCalls)
            && Kind.SequenceEqual(other.Kind) && BitsEqual(Value, other.Value) && BitsEqual(Gap, other.Gap)
            && BitsEqual(GradientNorm, other.GradientNorm) && BitsEqual(Stepsize, other.Stepsize)
            && BitsEqual(Distance, other.Distance) && Note.SequenceEqual(other.Note) && BitsEqual(OptimalValueEstimate, other.OptimalValueEstimate)
            && BitsEqual(PredictedValue, other.PredictedValue);
    }

    private static bool BitsEqual(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(a).SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(b));

    private void Grow()
    {
        int capacity = checked(_iteration.Length * 2);
        Array.Resize(ref _iteration, capacity);
        Array.Resize(ref _oracleCalls, capacity);
        Array.Resize(ref _value, capacity);
        Array.Resize(ref _gap, capacity);
        Array.Resize(ref _gradientNorm, capacity);
        Array.Resize(ref _stepsize, capacity);
        Array.Resize(ref _kind, capacity);
        Array.Resize(ref _distance, capacity);
        Array.Resize(ref _seconds, capacity);
        if (HasNote) Array.Resize(ref _note, capacity);
        if (HasEstimate) Array.Resize(ref _estimate, capacity);
        if (HasPrediction) Array.Resize(ref _prediction, capacity);
    }
}

/// <summary>One row of a <see cref="Trace"/>.</summary>
/// <param name="Iteration">The iteration index (0 = start).</param>
/// <param name="OracleCalls">Oracle calls made up to and including this row.</param>
/// <param name="Value">f(x).</param>
/// <param name="Gap">f(x) − f*, NaN when f* is unknown.</param>
/// <param name="GradientNorm">‖∇f(x)‖.</param>
/// <param name="Stepsize">The stepsize of the step that led here.</param>
/// <param name="Kind">The kind of that step.</param>
/// <param name="Distance">dist(x, S), NaN when unknown.</param>
/// <param name="Seconds">Wall-clock seconds since the start.</param>
/// <param name="Note">The method's note on that step (<see cref="StepReport.Note"/>), usually null; null in a trace without the note column.</param>
/// <param name="OptimalValueEstimate">The method's f* estimate in force (<see cref="StepReport.OptimalValueEstimate"/>), NaN when it has none or the trace has no such column.</param>
/// <param name="PredictedValue">The f the method predicted for this point before the step (<see cref="StepReport.PredictedValue"/>), NaN when it made none or the trace has no such column.</param>
public readonly record struct TraceRow(int Iteration, long OracleCalls, double Value, double Gap, double GradientNorm,
    double Stepsize, StepKind Kind, double Distance, double Seconds, string? Note = null, double OptimalValueEstimate = double.NaN,
    double PredictedValue = double.NaN);
