using System.Globalization;
using Ravine.Optimization;

namespace Ravine.IO;

/// <summary>
/// A <see cref="Trace"/> as CSV: one header line, then one line per row with the columns
/// iteration, oracle_calls, f, gap, gradient_norm, stepsize, kind, distance, seconds, note, fstar_estimate. Numbers are written in the
/// invariant culture with round-trip formatting, so reading the file back gives the same doubles bit for bit
/// (NaN stays "NaN", infinities "Infinity"/"-Infinity"). The note column (why a method took a step, e.g. why an adaptive
/// method ended a phase) is empty on most rows; fstar_estimate is the method's estimate of f* (NaN when it uses a given
/// f*). Both were appended, so the first columns never move; files written before them (nine or ten columns) are still read.
/// The last five columns (growth_order, contraction, gradient_share, train_accuracy, test_accuracy) are observations the
/// <c>ravine</c> tool makes beside a run, not the minimizer: blank where nothing was measured, and in every file written
/// with <see cref="Write(Trace, TextWriter)"/>.
/// </summary>
/// <example>
/// <code>
/// var result = Minimizer.Minimize(problem, x0, method, options);
/// TraceCsv.Write(result.Trace, "trace.csv");
/// </code>
/// </example>
public static class TraceCsv
{
    /// <summary>The header line.</summary>
    public const string Header = HeaderWithoutAnnotations + ",growth_order,contraction,gradient_share,train_accuracy,test_accuracy";

    // The header before the annotation columns were appended; such files have eleven cells per line.
    private const string HeaderWithoutAnnotations = "iteration,oracle_calls,f,gap,gradient_norm,stepsize,kind,distance,seconds,note,fstar_estimate";

    // The header before the f* estimate column was appended; such files have ten cells per line.
    private const string HeaderWithoutEstimate = "iteration,oracle_calls,f,gap,gradient_norm,stepsize,kind,distance,seconds,note";

    // The header before the note column was appended; such files have nine cells per line.
    private const string HeaderWithoutNote = "iteration,oracle_calls,f,gap,gradient_norm,stepsize,kind,distance,seconds";

    /// <summary>Writes the header and every row of <paramref name="trace"/> (the observation columns blank).</summary>
    /// <param name="trace">The trace, e.g. <see cref="MinimizeResult.Trace"/>.</param>
    /// <param name="writer">Where to write; the caller disposes it.</param>
    public static void Write(Trace trace, TextWriter writer) => Write(trace, writer, annotations: null);

    /// <summary>Writes the header and every row of <paramref name="trace"/>, with the annotation of each row (blank without <paramref name="annotations"/>).</summary>
    public static void Write(Trace trace, TextWriter writer, Func<int, TraceAnnotation>? annotations)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
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
            WriteInvariant(writer, row.Seconds, buffer); writer.Write(',');
            if (row.Note is { } note)
            {
                if (note.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                    throw new InvalidOperationException($"Row {i} has a note with a comma, quote or line break: '{note}'.");
                writer.Write(note);
            }
            writer.Write(',');
            WriteInvariant(writer, row.OptimalValueEstimate, buffer);
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

    /// <summary>Reads a trace written by <see cref="Write(Trace, TextWriter)"/> (or by <c>ravine</c>), without the observation columns.</summary>
    /// <exception cref="FormatException">The header or a line is not of this format; the message names the line.</exception>
    public static Trace Read(TextReader reader) => Read(reader, annotations: null);

    /// <summary>Reads a trace and adds the annotation of every row that has one to <paramref name="annotations"/> (by row index).</summary>
    /// <exception cref="FormatException">The header or a line is not of this format; the message names the line.</exception>
    public static Trace Read(TextReader reader, IDictionary<int, TraceAnnotation>? annotations)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? header = reader.ReadLine();
        int columns = header switch
        {
            Header => Columns,
            HeaderWithoutAnnotations => 11,
            HeaderWithoutEstimate => 10,
            HeaderWithoutNote => 9,
            _ => throw new FormatException($"Line 1 is not the trace header '{Header}'."),
        };
        var trace = new Trace();
        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0) continue;
            trace.Add(ParseRow(line, lineNumber, columns, annotations, trace.Count));
        }
        return trace;
    }

    /// <summary>
    /// Reads the header and the first <paramref name="rows"/> rows of a file that a run appends to, ignoring what
    /// follows them (rows written after the state they belong to was saved, or a last line a kill cut short).
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
        var trace = new Trace(rows + 1);
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
            if (lineNumber == 1)
            {
                // A run begun before the annotation columns existed cannot go on in this format: its rows would mix two widths.
                if (line == HeaderWithoutAnnotations)
                    throw new FormatException("The file was begun by an earlier Ravine, before the trace's annotation columns; finish the run with that Ravine, or start it again.");
                if (line != Header) throw new FormatException($"Line 1 is not the trace header '{Header}'.");
                continue;
            }
            trace.Add(ParseRow(line, lineNumber, Columns, annotations, trace.Count));
        }
        length = position;
        return trace;
    }

    /// <summary>The number of cells per line of the current format.</summary>
    internal const int Columns = 16;

    // Files of Ravine before the note column have 9 columns, before the f* estimate 10, before the annotations 11; they still read, without them.
    private static TraceRow ParseRow(string line, int lineNumber, int columns, IDictionary<int, TraceAnnotation>? annotations, int row)
    {
        string[] cells = line.Split(',');
        if (cells.Length != columns)
            throw new FormatException($"Line {lineNumber} has {cells.Length} cells, expected {columns}.");
        try
        {
            if (columns == Columns && annotations is not null)
            {
                var annotation = new TraceAnnotation(ParseOptional(cells[11]), ParseOptional(cells[12]), ParseOptional(cells[13]),
                    ParseOptional(cells[14]), ParseOptional(cells[15]));
                if (!annotation.IsEmpty) annotations[row] = annotation;
            }
            return new TraceRow(
                int.Parse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture),
                long.Parse(cells[1], NumberStyles.Integer, CultureInfo.InvariantCulture),
                ParseDouble(cells[2]), ParseDouble(cells[3]), ParseDouble(cells[4]), ParseDouble(cells[5]),
                ParseKind(cells[6]), ParseDouble(cells[7]), ParseDouble(cells[8]),
                columns >= 10 && cells[9].Length > 0 ? cells[9] : null,
                columns >= 11 ? ParseDouble(cells[10]) : double.NaN);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new FormatException($"Line {lineNumber}: {e.Message}", e);
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
