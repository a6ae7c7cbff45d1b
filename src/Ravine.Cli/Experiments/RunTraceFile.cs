using Ravine.IO;
using Ravine.Optimization;

namespace Ravine.Cli.Experiments;

/// <summary>
/// The trace CSV of a checkpointed run (<c>&lt;problem&gt;/&lt;method&gt;.csv</c>, the file the run ends with), appended
/// as the run goes: each checkpoint adds the rows since the last one and flushes them before
/// <see cref="RunCheckpointFile"/> records how many rows are on disk, and the end of the run adds the rest. A checkpoint
/// then costs the same at iteration 1,000 as at 1,000,000 (rewriting the whole trace into every checkpoint made long
/// runs spend most of their time on them), and the trace is formatted once, not again at the end: formatting a row
/// costs more than a gradient-descent iteration on a small problem.
/// </summary>
/// <remarks>
/// Unlike the other output files, this one is not replaced all or nothing: a kill can leave rows appended after the
/// last checkpoint, the last of them cut short. The checkpoint never counts more rows than are on disk, and
/// <see cref="Continue"/> cuts the file back to the checkpoint's rows before the resumed run appends.
/// </remarks>
internal sealed class RunTraceFile : IDisposable
{
    private readonly FileStream _file;
    // The rows of one append are formatted here and written with one call: a kill then leaves at most that call's
    // rows cut short, where several buffer-sized writes could leave a cut in any of them.
    private readonly MemoryStream _pending = new();
    private readonly StreamWriter _writer;

    // The method columns of the file: null until the first append of a new file names them in its header.
    private TraceColumns? _columns;

    private RunTraceFile(FileStream file, int rows, TraceColumns? columns)
    {
        _file = file;
        _writer = new StreamWriter(_pending, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        Rows = rows;
        _columns = columns;
    }

    /// <summary>The rows on disk (after the last <see cref="Append"/>).</summary>
    public int Rows { get; private set; }

    /// <summary>
    /// Starts the file of a new run, empty (a file of an earlier run there is replaced): the first <see cref="Append"/>
    /// writes the header, with the columns of the trace it is given (those the run's method declares).
    /// </summary>
    public static RunTraceFile Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new RunTraceFile(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0), rows: 0, columns: null);
    }

    /// <summary>
    /// Continues the file of a resumed run, which holds <paramref name="rows"/> rows in its first <paramref name="length"/>
    /// bytes; what follows them goes. The rows appended have the file's method <paramref name="columns"/> (from its
    /// header), so a file begun by an earlier Ravine, whose traces had the note and f* estimate columns for every
    /// method, goes on in its own layout.
    /// </summary>
    public static RunTraceFile Continue(string path, int rows, long length, TraceColumns columns)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0);
        stream.SetLength(length);
        stream.Seek(0, SeekOrigin.End);
        return new RunTraceFile(stream, rows, columns);
    }

    /// <summary>
    /// Appends the rows of <paramref name="trace"/> not yet on disk, with their <paramref name="annotations"/> (by row),
    /// and flushes them to the disk, so that a checkpoint written next never counts rows that a crash (of the process or
    /// the machine) could lose.
    /// </summary>
    public void Append(Trace trace, Func<int, TraceAnnotation>? annotations = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.Count < Rows)
            throw new InvalidOperationException($"The trace has {trace.Count} rows but {Rows} are on disk already.");
        if (_columns is null)
        {
            _columns = trace.Columns;
            _writer.Write(TraceCsv.Header(trace.Columns));
            _writer.Write('\n');
        }
        TraceCsv.WriteRows(trace, Rows, _writer, _columns.Value, annotations);
        WritePending();
        _file.Flush(flushToDisk: true);
        Rows = trace.Count;
    }

    private void WritePending()
    {
        _writer.Flush();
        _file.Write(_pending.GetBuffer(), 0, (int)_pending.Length);
        _pending.SetLength(0);
    }

    /// <summary>Closes the file (what was appended stays).</summary>
    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}
