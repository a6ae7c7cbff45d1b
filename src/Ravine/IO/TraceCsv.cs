using System.Globalization;
using Ravine.Optimization;

namespace Ravine.IO;

/// <summary>
/// A <see cref="Trace"/> as CSV: one header line, then one line per row. The columns are the common ones (iteration,
/// oracle_calls, f, gap, gradient_norm, stepsize, kind, distance, seconds), then those the method declares
/// (<see cref="Trace.Columns"/>: <c>note</c>, why a method took a step, empty on most rows; <c>fstar_estimate</c>, the
/// method's estimate of f*, NaN when it uses a given f*; <c>predicted_f</c>, the f the method predicted for the point
/// before the step, NaN where it made none), then five columns the <c>ravine</c> tool observes beside a
/// run, not the minimizer (growth_order, contraction, gradient_share, train_accuracy, test_accuracy): blank where
/// nothing was measured, and in every file written with <see cref="Write(Trace, TextWriter)"/>. Numbers are written in
/// the invariant culture with round-trip formatting, so reading the file back gives the same doubles bit for bit (NaN
/// stays "NaN", infinities "Infinity"/"-Infinity"). Files are read by column name, so files of earlier Ravines (which
/// wrote the note and f* estimate columns for every method, or had no observation columns) still read.
/// </summary>
/// <example>
/// <code>
/// var result = Minimizer.Minimize(problem, x0, method, options);
/// TraceCsv.Write(result.Trace, "trace.csv");
/// </code>
/// </example>
public static class TraceCsv
{
    private static readonly string[] CommonNames = ["iteration", "oracle_calls", "f", "gap", "gradient_norm", "stepsize", "kind", "distance", "seconds"];
    private const string NoteName = "note", EstimateName = "fstar_estimate", PredictionName = "predicted_f";
    private static readonly string[] AnnotationNames = ["growth_order", "contraction", "gradient_share", "train_accuracy", "test_accuracy"];

    /// <summary>The header line of a trace with the method columns <paramref name="columns"/>.</summary>
    public static string Header(TraceColumns columns) => string.Join(',', [.. CommonNames, .. MethodColumnNames(columns), .. AnnotationNames]);

    private static IEnumerable<string> MethodColumnNames(TraceColumns columns)
    {
        if ((columns & TraceColumns.Note) != 0) yield return NoteName;
        if ((columns & TraceColumns.OptimalValueEstimate) != 0) yield return EstimateName;
        if ((columns & TraceColumns.Prediction) != 0) yield return PredictionName;
    }

    /// <summary>Writes the header and every row of <paramref name="trace"/> (the observation columns blank).</summary>
    /// <param name="trace">The trace, e.g. <see cref="MinimizeResult.Trace"/>.</param>
    /// <param name="writer">Where to write; the caller disposes it.</param>
    public static void Write(Trace trace, TextWriter writer) => Write(trace, writer, annotations: null);

    /// <summary>Writes the header and every row of <paramref name="trace"/>, with the annotation of each row (blank without <paramref name="annotations"/>).</summary>
    public static void Write(Trace trace, TextWriter writer, Func<int, TraceAnnotation>? annotations)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header(trace.Columns));
        writer.Write('\n');
        WriteRows(trace, 0, writer, annotations);
    }

    /// <summary>
    /// Writes the rows of <paramref name="trace"/> from row <paramref name="from"/> on, without the header: what a file
    /// that already holds the rows before it needs appended. <paramref name="annotations"/> gives each row's annotation
    /// by row index (all blank when null).
    /// </summary>
    public static void WriteRows(Trace trace, int from, TextWriter writer, Func<int, TraceAnnotation>? annotations = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        WriteRows(trace, from, writer, trace.Columns, annotations);
    }

    /// <summary>
    /// Writes the rows of <paramref name="trace"/> from row <paramref name="from"/> on with the method columns
    /// <paramref name="columns"/>, those of the file they are appended to: a column the trace lacks is written empty
    /// (note) or NaN (f* estimate), as a file that has it holds on the rows without one.
    /// </summary>
    public static void WriteRows(Trace trace, int from, TextWriter writer, TraceColumns columns, Func<int, TraceAnnotation>? annotations)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        Span<char> buffer = stackalloc char[64];
        for (int i = from; i < trace.Count; i++)
        {
            var row = trace[i];
            WriteInvariant(writer, row.Iteration, buffer); writer.Write(',');
            WriteInvariant(writer, row.OracleCalls, buffer); writer.Write(',');
            WriteInvariant(writer, row.Value, buffer); writer.Write(',');
            WriteInvariant(writer, row.Gap, buffer); writer.Write(',');
            WriteInvariant(writer, row.GradientNorm, buffer); writer.Write(',');
            WriteInvariant(writer, row.Stepsize, buffer); writer.Write(',');
            writer.Write(KindName(row.Kind)); writer.Write(',');
            WriteInvariant(writer, row.Distance, buffer); writer.Write(',');
            WriteInvariant(writer, row.Seconds, buffer);
            if ((columns & TraceColumns.Note) != 0)
            {
                writer.Write(',');
                if (row.Note is { } note)
                {
                    if (note.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                        throw new InvalidOperationException($"Row {i} has a note with a comma, quote or line break: '{note}'.");
                    writer.Write(note);
                }
            }
            if ((columns & TraceColumns.OptimalValueEstimate) != 0)
            {
                writer.Write(',');
                WriteInvariant(writer, row.OptimalValueEstimate, buffer);
            }
            if ((columns & TraceColumns.Prediction) != 0)
            {
                writer.Write(',');
                WriteInvariant(writer, row.PredictedValue, buffer);
            }
            var annotation = annotations is null ? TraceAnnotation.None : annotations(i);
            WriteOptional(writer, annotation.GrowthOrder, buffer);
            WriteOptional(writer, annotation.Contraction, buffer);
            WriteOptional(writer, annotation.GradientShare, buffer);
            WriteOptional(writer, annotation.TrainAccuracy, buffer);
            WriteOptional(writer, annotation.TestAccuracy, buffer);
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Writes <paramref name="trace"/> to the file <paramref name="path"/>, all or nothing: the file appears complete or
    /// not at all, also if the process dies while writing.
    /// </summary>
    /// <param name="trace">The trace, e.g. <see cref="MinimizeResult.Trace"/>.</param>
    /// <param name="path">The file to write (UTF-8, replaced if it exists); its folder must exist.</param>
    public static void Write(Trace trace, string path) => Write(trace, path, annotations: null);

    /// <summary>Writes <paramref name="trace"/> to <paramref name="path"/> all or nothing (see <see cref="AtomicFile"/>).</summary>
    public static void Write(Trace trace, string path, Func<int, TraceAnnotation>? annotations)
    {
        ArgumentNullException.ThrowIfNull(trace);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            Write(trace, writer, annotations);
        });
    }

    /// <summary>
    /// Reads a trace written by <see cref="Write(Trace, TextWriter)"/> (or by <c>ravine</c>), without the observation
    /// columns; its <see cref="Trace.Columns"/> are the method columns the header names.
    /// </summary>
    /// <exception cref="FormatException">The header or a line is not of this format; the message names the line.</exception>
    public static Trace Read(TextReader reader) => Read(reader, annotations: null);

    /// <summary>Reads a trace and adds the annotation of every row that has one to <paramref name="annotations"/> (by row index).</summary>
    /// <exception cref="FormatException">The header or a line is not of this format; the message names the line.</exception>
    public static Trace Read(TextReader reader, IDictionary<int, TraceAnnotation>? annotations)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var layout = Layout.Parse(reader.ReadLine());
        var trace = new Trace(columns: layout.Columns);
        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0) continue;
            trace.Add(layout.ParseRow(line, lineNumber, annotations, trace.Count));
        }
        return trace;
    }

    /// <summary>
    /// Reads the header and the first <paramref name="rows"/> rows of a file that a run appends to, ignoring what
    /// follows them (rows written after the state they belong to was saved, or a last line a kill cut short). The
    /// trace's <see cref="Trace.Columns"/> are the file's: rows appended to it must have them (see
    /// <see cref="WriteRows(Trace, int, TextWriter, TraceColumns, Func{int, TraceAnnotation}?)"/>).
    /// </summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="rows">How many rows to read.</param>
    /// <param name="length">The number of bytes the header and those rows take: where the file can be cut to continue it.</param>
    /// <param name="annotations">If given, receives the annotation of every row read that has one (by row index).</param>
    /// <exception cref="FormatException">The header or one of those rows is not of this format, or the file holds fewer
    /// whole rows (a row is whole once its line ends); the message names the line.</exception>
    public static Trace ReadRows(ReadOnlySpan<byte> bytes, int rows, out long length, IDictionary<int, TraceAnnotation>? annotations = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        Trace? trace = null;
        Layout? layout = null;
        int position = 0;
        for (int lineNumber = 1; lineNumber <= rows + 1; lineNumber++)
        {
            int end = bytes[position..].IndexOf((byte)'\n');
            if (end < 0)
                throw new FormatException(lineNumber == 1
                    ? "The file holds no whole header line."
                    : $"The file holds {lineNumber - 2} whole rows, expected at least {rows}.");
            string line = System.Text.Encoding.UTF8.GetString(bytes.Slice(position, end));
            position += end + 1;
            if (layout is null)
            {
                layout = Layout.Parse(line);
                // A run begun before the annotation columns existed cannot go on in this format: its rows would mix two widths.
                if (!layout.HasAnnotations)
                    throw new FormatException("The file was begun by an earlier Ravine, before the trace's annotation columns; finish the run with that Ravine, or start it again.");
                trace = new Trace(rows + 1, layout.Columns);
                continue;
            }
            trace!.Add(layout.ParseRow(line, lineNumber, annotations, trace.Count));
        }
        length = position;
        return trace!;
    }

    /// <summary>Where each column of a file is, from its header: files are read by column name, not position.</summary>
    private sealed class Layout
    {
        private readonly int[] _common = new int[CommonNames.Length];
        private readonly int[] _annotations = new int[AnnotationNames.Length];
        private int _note = -1, _estimate = -1, _prediction = -1, _width;

        public TraceColumns Columns => (_note >= 0 ? TraceColumns.Note : 0) | (_estimate >= 0 ? TraceColumns.OptimalValueEstimate : 0)
            | (_prediction >= 0 ? TraceColumns.Prediction : 0);

        public bool HasAnnotations => _annotations[0] >= 0;

        public static Layout Parse(string? header)
        {
            if (header is null) throw new FormatException("Line 1 is not a trace header: the file is empty.");
            var layout = new Layout();
            Array.Fill(layout._common, -1);
            Array.Fill(layout._annotations, -1);
            string[] names = header.Split(',');
            layout._width = names.Length;
            for (int i = 0; i < names.Length; i++)
            {
                ref int slot = ref layout.Slot(names[i]);
                if (slot >= 0) throw new FormatException($"Line 1 names the column '{names[i]}' twice.");
                slot = i;
            }
            foreach (var (name, index) in CommonNames.Zip(layout._common))
                if (index < 0) throw new FormatException($"Line 1 is not a trace header: it has no '{name}' column (a trace header begins '{string.Join(',', CommonNames)}').");
            // The observation columns are written together: a file has all of them or none.
            if (layout._annotations.Any(i => i >= 0) && layout._annotations.Any(i => i < 0))
                throw new FormatException($"Line 1 has some of the observation columns but not all of '{string.Join(',', AnnotationNames)}'.");
            return layout;
        }

        private ref int Slot(string name)
        {
            int common = Array.IndexOf(CommonNames, name);
            if (common >= 0) return ref _common[common];
            int annotation = Array.IndexOf(AnnotationNames, name);
            if (annotation >= 0) return ref _annotations[annotation];
            if (name == NoteName) return ref _note;
            if (name == EstimateName) return ref _estimate;
            if (name == PredictionName) return ref _prediction;
            throw new FormatException($"Line 1 has the unknown column '{name}'; a trace has {string.Join(", ", [.. CommonNames, NoteName, EstimateName, PredictionName, .. AnnotationNames])}.");
        }

        public TraceRow ParseRow(string line, int lineNumber, IDictionary<int, TraceAnnotation>? annotations, int row)
        {
            string[] cells = line.Split(',');
            if (cells.Length != _width)
                throw new FormatException($"Line {lineNumber} has {cells.Length} cells, expected {_width}.");
            try
            {
                if (HasAnnotations && annotations is not null)
                {
                    var annotation = new TraceAnnotation(ParseOptional(cells[_annotations[0]]), ParseOptional(cells[_annotations[1]]),
                        ParseOptional(cells[_annotations[2]]), ParseOptional(cells[_annotations[3]]), ParseOptional(cells[_annotations[4]]));
                    if (!annotation.IsEmpty) annotations[row] = annotation;
                }
                return new TraceRow(
                    int.Parse(cells[_common[0]], NumberStyles.Integer, CultureInfo.InvariantCulture),
                    long.Parse(cells[_common[1]], NumberStyles.Integer, CultureInfo.InvariantCulture),
                    ParseDouble(cells[_common[2]]), ParseDouble(cells[_common[3]]), ParseDouble(cells[_common[4]]), ParseDouble(cells[_common[5]]),
                    ParseKind(cells[_common[6]]), ParseDouble(cells[_common[7]]), ParseDouble(cells[_common[8]]),
                    _note >= 0 && cells[_note].Length > 0 ? cells[_note] : null,
                    _estimate >= 0 ? ParseDouble(cells[_estimate]) : double.NaN,
                    _prediction >= 0 ? ParseDouble(cells[_prediction]) : double.NaN);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new FormatException($"Line {lineNumber}: {e.Message}", e);
            }
        }
    }

    /// <summary>The lower-case name a step kind has in the CSV's kind column.</summary>
    internal static string KindName(StepKind kind) => kind switch
    {
        StepKind.Start => "start",
        StepKind.Short => "short",
        StepKind.Long => "long",
        StepKind.Skipped => "skipped",
        StepKind.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown step kind."),
    };

    private static StepKind ParseKind(string name)
    {
        foreach (StepKind kind in Enum.GetValues<StepKind>())
            if (KindName(kind) == name)
                return kind;
        throw new FormatException($"Unknown step kind '{name}'.");
    }

    private static double ParseDouble(string cell) => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double ParseOptional(string cell) => cell.Length == 0 ? double.NaN : ParseDouble(cell);

    // A comma, then the value or nothing: NaN means "not measured here", and a blank cell says so at a glance.
    private static void WriteOptional(TextWriter writer, double value, Span<char> buffer)
    {
        writer.Write(',');
        if (!double.IsNaN(value)) WriteInvariant(writer, value, buffer);
    }

    private static void WriteInvariant<T>(TextWriter writer, T value, Span<char> buffer) where T : ISpanFormattable
    {
        // Doubles: the shortest text that parses back to the same bits (see RoundTripDouble for why "R" alone is not).
        bool formatted = value is double d
            ? RoundTripDouble.TryFormat(d, buffer, out int written)
            : value.TryFormat(buffer, out written, default, CultureInfo.InvariantCulture);
        if (!formatted)
            throw new InvalidOperationException($"Could not format {value}.");
        writer.Write(buffer[..written]);
    }
}
