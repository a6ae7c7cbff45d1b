using System.Text.Json;
using Ravine.IO;
using Ravine.Optimization;

namespace Ravine.Cli.Experiments;

/// <summary>
/// <c>checkpoint.json</c> of a <c>ravine run</c>: the run's resolved <see cref="RunSettings"/> (problem, data folder,
/// seed, method, η, K, epochs, f*, iteration limit) and the state of a <see cref="RunCheckpoint"/> (iterate, gradient,
/// counters, best point, method state), written atomically, with the name of the trace CSV (see <see cref="RunTraceFile"/>)
/// and how many of its rows belong to that state: the file and the CSV next to it continue the run.
/// </summary>
/// <remarks>
/// Format version 2. Version 1 held the trace itself, so every checkpoint rewrote the whole trace and cost more the
/// longer the run went; its files are refused with a message saying so.
/// </remarks>
/// <remarks>
/// Nothing of the state grows with the run but the trace, which is why the trace lives in the CSV.
/// No random-number state is stored: every random number of a run comes from generating the instance and its start,
/// which is seeded and deterministic, so the seed in the settings rebuilds them bit for bit; the methods themselves
/// draw none.
/// </remarks>
public static class RunCheckpointFile
{
    /// <summary>The file's name inside a run's output folder.</summary>
    public const string FileName = "checkpoint.json";

    private const int FormatVersion = 2;

    /// <summary>
    /// Writes <paramref name="path"/> all or nothing. The first <c>checkpoint.Trace.Count</c> rows of the trace must
    /// already be on disk in <paramref name="traceFile"/>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="settings">The resolved settings.</param>
    /// <param name="checkpoint">The state.</param>
    /// <param name="traceFile">The trace CSV, relative to the folder of <paramref name="path"/>.</param>
    /// <param name="dataFingerprint">With a data folder: its <see cref="DataFingerprint"/>, checked on resume.</param>
    /// <param name="startFingerprint">With an x0 file: its hash (<see cref="StartFile.Fingerprint"/>), checked on resume.</param>
    public static void Write(string path, RunSettings settings, RunCheckpoint checkpoint, string traceFile, IReadOnlyDictionary<string, string?>? dataFingerprint = null,
        string? startFingerprint = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentException.ThrowIfNullOrEmpty(traceFile);
        var state = new MemoryStream();
        RunCheckpointJson.Write(checkpoint, state, includeTrace: false);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream);
            writer.WriteStartObject();
            writer.WriteNumber("formatVersion", FormatVersion);
            writer.WritePropertyName("settings");
            RunSettingsJson.Write(writer, settings);
            if (dataFingerprint is not null)
            {
                writer.WriteStartObject("dataFingerprint");
                foreach (var (file, hash) in dataFingerprint)
                    if (hash is null) writer.WriteNull(file); else writer.WriteString(file, hash);
                writer.WriteEndObject();
            }
            if (startFingerprint is not null) writer.WriteString("x0Fingerprint", startFingerprint);
            writer.WriteStartObject("trace");
            // Forward slashes, so that the file reads the same on every system.
            writer.WriteString("file", traceFile.Replace('\\', '/'));
            writer.WriteNumber("rows", checkpoint.Trace.Count);
            writer.WriteEndObject();
            writer.WritePropertyName("checkpoint");
            writer.WriteRawValue(state.GetBuffer().AsSpan(0, (int)state.Length), skipInputValidation: true);
            writer.WriteEndObject();
        });
    }

    /// <summary>Reads a file written by <see cref="Write"/>, and the trace rows it counts from its trace CSV.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="FormatException">The file is not a valid checkpoint, or its trace CSV is missing, damaged, cut
    /// short or of another run; the message names the file at fault and says what is wrong.</exception>
    public static SavedRun Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = File.ReadAllBytes(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not valid JSON ({e.Message}); the file is damaged", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("formatVersion", out var version) || !version.TryGetInt32(out int v)
                || !root.TryGetProperty("settings", out var settings) || !root.TryGetProperty("checkpoint", out var checkpoint))
                throw new FormatException($"{path}: not a Ravine checkpoint (expected formatVersion, settings and checkpoint)");
            if (v == 1)
                throw new FormatException($"{path}: checkpoint format version 1, written by an earlier Ravine that kept the trace inside the checkpoint; this Ravine reads version {FormatVersion} only, so finish the run with the Ravine that started it");
            if (v != FormatVersion)
                throw new FormatException($"{path}: checkpoint format version {v}; this Ravine reads version {FormatVersion}");
            var runSettings = RunSettingsJson.Parse(settings.GetRawText(), path, Path.GetDirectoryName(Path.GetFullPath(path)));
            Dictionary<string, string?>? fingerprint = null;
            if (root.TryGetProperty("dataFingerprint", out var hashes))
            {
                if (hashes.ValueKind != JsonValueKind.Object)
                    throw new FormatException($"{path}: 'dataFingerprint' must be an object of file names and hashes");
                fingerprint = [];
                foreach (var entry in hashes.EnumerateObject())
                    fingerprint[entry.Name] = entry.Value.ValueKind switch
                    {
                        JsonValueKind.String => entry.Value.GetString(),
                        JsonValueKind.Null => null,
                        _ => throw new FormatException($"{path}: 'dataFingerprint.{entry.Name}' must be a hash or null"),
                    };
            }
            string? startFingerprint = null;
            if (root.TryGetProperty("x0Fingerprint", out var startHash))
                startFingerprint = startHash.ValueKind == JsonValueKind.String ? startHash.GetString()
                    : throw new FormatException($"{path}: 'x0Fingerprint' must be the hash of the x0 file");
            var (tracePath, rows) = TraceOf(root, path);
            var annotations = new Dictionary<int, TraceAnnotation>();
            var (trace, length) = ReadTrace(tracePath, rows, path, annotations);
            RunCheckpoint state;
            try
            {
                state = RunCheckpointJson.Read(checkpoint, trace);
            }
            catch (FormatException e)
            {
                throw new FormatException($"{path}: {e.Message}", e);
            }
            // The last row counted must be the saved state itself: a trace of another run, or one changed since, is not continued.
            var last = trace[rows - 1];
            if (last.Iteration != state.Iteration || last.OracleCalls != state.OracleCalls
                || BitConverter.DoubleToInt64Bits(last.Value) != BitConverter.DoubleToInt64Bits(state.Value))
                throw new FormatException($"{tracePath}: row {rows} is not the state {path} holds (iteration {state.Iteration}, {state.OracleCalls} oracle calls, f = {RoundTripDouble.Format(state.Value)}); the trace file belongs to another run or was changed, so the run cannot be resumed");
            return new SavedRun(runSettings, state) { DataFingerprint = fingerprint, StartFingerprint = startFingerprint, TraceFile = tracePath, TraceLength = length, Annotations = annotations };
        }
    }

    /// <summary>The trace CSV's full path and row count, from the <c>trace</c> object of the checkpoint at <paramref name="path"/>.</summary>
    private static (string File, int Rows) TraceOf(JsonElement root, string path)
    {
        if (!root.TryGetProperty("trace", out var trace) || trace.ValueKind != JsonValueKind.Object
            || !trace.TryGetProperty("file", out var file) || file.ValueKind != JsonValueKind.String
            || !trace.TryGetProperty("rows", out var rows) || !rows.TryGetInt32(out int count) || count < 1)
            throw new FormatException($"{path}: 'trace' must be an object with the trace CSV's 'file' and its number of 'rows' (at least 1)");
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string full = Path.GetFullPath(Path.Combine(folder, file.GetString()!));
        // The resumed run cuts the file back to its rows: it must be a file of this run's folder, never one elsewhere.
        if (Path.IsPathRooted(file.GetString()) || !full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new FormatException($"{path}: 'trace.file' must name a file inside the checkpoint's folder, not '{file.GetString()}'");
        return (full, count);
    }

    private static (Trace Trace, long Length) ReadTrace(string tracePath, int rows, string path, Dictionary<int, TraceAnnotation> annotations)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(tracePath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FormatException($"{tracePath}: missing; {path} continues a run whose first {rows} trace rows are in it, so the run cannot be resumed", e);
        }
        try
        {
            var trace = TraceCsv.ReadRows(bytes, rows, out long length, annotations);
            return (trace, length);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{tracePath}: {e.Message.TrimEnd('.')}; {path} counts {rows} rows in it, so the trace file is damaged or was cut short and the run cannot be resumed", e);
        }
    }
}

/// <summary>What a <see cref="RunCheckpointFile"/> holds.</summary>
/// <param name="Settings">The run's resolved settings.</param>
/// <param name="Checkpoint">Its state.</param>
public sealed record SavedRun(RunSettings Settings, RunCheckpoint Checkpoint)
{
    /// <summary>The data folder's <see cref="DataFingerprint"/>, or null when the instance was generated from the seed.</summary>
    public IReadOnlyDictionary<string, string?>? DataFingerprint { get; init; }

    /// <summary>The x0 file's hash (<see cref="StartFile.Fingerprint"/>), or null when the run started from the instance's own start.</summary>
    public string? StartFingerprint { get; init; }

    /// <summary>The trace CSV (full path) whose first rows are <see cref="RunCheckpoint.Trace"/>.</summary>
    public required string TraceFile { get; init; }

    /// <summary>The bytes of <see cref="TraceFile"/> that hold its header and those rows; a resumed run cuts the file there.</summary>
    public required long TraceLength { get; init; }

    /// <summary>The annotations (diagnostics, accuracies) of those rows, by row: a resumed run writes them again in its report.</summary>
    internal IReadOnlyDictionary<int, TraceAnnotation> Annotations { get; init; } = new Dictionary<int, TraceAnnotation>();
}
