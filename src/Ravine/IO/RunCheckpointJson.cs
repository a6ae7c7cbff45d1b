using System.Text.Json;
using System.Text.Json.Serialization;

using Ravine.Optimization;

namespace Ravine.IO;

/// <summary>
/// Reads and writes a <see cref="RunCheckpoint"/> as JSON. Doubles are written in their shortest form that reads back
/// to the same bits (RoundTripDouble; NaN and ±∞ as the strings "NaN", "Infinity", "-Infinity"), so a resumed run starts from bit-identical numbers.
/// </summary>
public static partial class RunCheckpointJson
{
    // Version 2 keeps a method's memory by member name (MethodMemory); version 1 kept hand-named entries.
    private const int FormatVersion = 2;

    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // The default number formatting loses an ulp on some powers of two; a resume must start from the same bits.
        Converters = { new RoundTripDouble.JsonConverter() },
        // Generated at build time: reflection over the DTOs made a small run's first checkpoint cost more than the run.
        TypeInfoResolver = DtoJson.Default,
    };

    [JsonSerializable(typeof(Dto))]
    private sealed partial class DtoJson : JsonSerializerContext;

    /// <summary>Writes the checkpoint as UTF-8 JSON.</summary>
    public static void Write(RunCheckpoint checkpoint, Stream stream) => Write(checkpoint, stream, includeTrace: true);

    /// <summary>
    /// Writes the checkpoint as UTF-8 JSON, with its trace or (<paramref name="includeTrace"/> false) without it, for a
    /// caller that keeps the trace elsewhere, as a file appended while the run goes: the trace grows with the run,
    /// the rest does not, so writing it at every checkpoint would make checkpoints cost more and more.
    /// </summary>
    public static void Write(RunCheckpoint checkpoint, Stream stream, bool includeTrace)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var trace = checkpoint.Trace;
        var dto = new Dto(FormatVersion, checkpoint.Method, checkpoint.X, checkpoint.Value, checkpoint.Gradient, checkpoint.Iteration,
            checkpoint.OracleCalls, checkpoint.BestX, checkpoint.BestGradient, checkpoint.BestValue, checkpoint.BestIteration, checkpoint.LongestStep,
            checkpoint.StartValue, checkpoint.StartGradientNorm, checkpoint.ElapsedSeconds,
            MethodMemoryCodec.Encode(checkpoint.MethodState),
            !includeTrace ? null : new TraceDto(trace.Iteration.ToArray(), trace.OracleCalls.ToArray(), trace.Value.ToArray(), trace.Gap.ToArray(),
                trace.GradientNorm.ToArray(), trace.Stepsize.ToArray(), trace.Kind.ToArray().Select(k => (int)k).ToArray(),
                trace.Distance.ToArray(), trace.Seconds.ToArray(), Notes(trace), Estimates(trace), Predictions(trace)),
            MonitorStates: checkpoint.MonitorStates?.ToDictionary(part => part.Key, part => new Dictionary<string, double[]>(part.Value)));
        JsonSerializer.Serialize(stream, dto, Options);
    }

    /// <summary>Reads a checkpoint written by <see cref="Write(RunCheckpoint, Stream)"/>.</summary>
    /// <exception cref="FormatException">The stream is not a valid checkpoint; the message says what is wrong.</exception>
    public static RunCheckpoint Read(Stream stream) => FromDto(Deserialize(() => JsonSerializer.Deserialize<Dto>(stream, Options)), trace: null);

    /// <summary>Reads a checkpoint written by <see cref="Write(RunCheckpoint, Stream)"/> that is part of a larger, already parsed JSON document.</summary>
    /// <exception cref="FormatException">The element is not a valid checkpoint; the message says what is wrong.</exception>
    public static RunCheckpoint Read(JsonElement element) => FromDto(Deserialize(() => element.Deserialize<Dto>(Options)), trace: null);

    /// <summary>Reads a checkpoint written without its trace (see <see cref="Write(RunCheckpoint, Stream, bool)"/>), with <paramref name="trace"/> as its trace.</summary>
    /// <exception cref="FormatException">The element is not a valid checkpoint; the message says what is wrong.</exception>
    public static RunCheckpoint Read(JsonElement element, Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return FromDto(Deserialize(() => element.Deserialize<Dto>(Options)), trace);
    }

    private static Dto Deserialize(Func<Dto?> deserialize)
    {
        try
        {
            return deserialize() ?? throw new FormatException("The checkpoint is empty (null).");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The checkpoint is not valid JSON: {e.Message}", e);
        }
    }

    private static RunCheckpoint FromDto(Dto dto, Trace? trace)
    {
        if (dto.FormatVersion == 1)
            throw new FormatException("The checkpoint has format version 1, written by an earlier Ravine that kept the method's state in another form; "
                + $"this Ravine reads version {FormatVersion} only. Finish the run with the Ravine that started it, or start it over.");
        if (dto.FormatVersion != FormatVersion)
            throw new FormatException($"The checkpoint has format version {dto.FormatVersion}; this Ravine reads version {FormatVersion}.");
        if (dto.Method is null || dto.X is null || dto.Gradient is null || dto.BestX is null || dto.MethodState is null || (dto.Trace is null && trace is null))
            throw new FormatException("The checkpoint lacks a required field (method, x, gradient, bestX, methodState or trace).");
        return new RunCheckpoint
        {
            Method = dto.Method, X = dto.X, Value = dto.Value, Gradient = dto.Gradient, Iteration = dto.Iteration,
            OracleCalls = dto.OracleCalls, BestX = dto.BestX, BestGradient = dto.BestGradient, BestValue = dto.BestValue, BestIteration = dto.BestIteration,
            LongestStep = dto.LongestStep, StartValue = dto.StartValue, StartGradientNorm = dto.StartGradientNorm,
            ElapsedSeconds = dto.ElapsedSeconds, MethodState = new SerializedMethodMemory(dto.MethodState), Trace = trace ?? FromDto(dto.Trace!),
            MonitorStates = dto.MonitorStates?.ToDictionary(part => part.Key, part => (IReadOnlyDictionary<string, double[]>)part.Value),
        };
    }

    private static Trace FromDto(TraceDto t)
    {
        int rows = t.Iteration?.Length ?? -1;
        if (t.Note is not null && t.Note.Length != rows)
            throw new FormatException("The checkpoint's trace note column has a different length.");
        if (t.OptimalValueEstimate is not null && t.OptimalValueEstimate.Length != rows)
            throw new FormatException("The checkpoint's trace f* estimate column has a different length.");
        if (t.PredictedValue is not null && t.PredictedValue.Length != rows)
            throw new FormatException("The checkpoint's trace prediction column has a different length.");
        if (rows < 0 || new[] { t.OracleCalls?.Length, t.Value?.Length, t.Gap?.Length, t.GradientNorm?.Length, t.Stepsize?.Length,
                t.Kind?.Length, t.Distance?.Length, t.Seconds?.Length }.Any(n => n != rows))
            throw new FormatException("The checkpoint's trace columns are missing or of different lengths.");
        // The columns with a value on some row; a resumed run records the method's own columns again (Minimizer.Resume).
        var columns = (t.Note is null ? TraceColumns.None : TraceColumns.Note)
            | (t.OptimalValueEstimate is null ? TraceColumns.None : TraceColumns.OptimalValueEstimate)
            | (t.PredictedValue is null ? TraceColumns.None : TraceColumns.Prediction);
        var trace = new Trace(rows, columns);
        for (int i = 0; i < rows; i++)
        {
            if (!Enum.IsDefined((StepKind)t.Kind![i]))
                throw new FormatException($"The checkpoint's trace row {i} has an unknown step kind {t.Kind[i]}.");
            trace.Add(new TraceRow(t.Iteration![i], t.OracleCalls![i], t.Value![i], t.Gap![i], t.GradientNorm![i], t.Stepsize![i],
                (StepKind)t.Kind[i], t.Distance![i], t.Seconds![i], t.Note?[i], t.OptimalValueEstimate?[i] ?? double.NaN,
                t.PredictedValue?[i] ?? double.NaN));
        }
        return trace;
    }

    // Checkpoints of methods that write no notes stay as they were: the column is left out when every note is null.
    private static string?[]? Notes(Trace trace)
    {
        foreach (string? note in trace.Note)
            if (note is not null) return trace.Note.ToArray();
        return null;
    }

    // Likewise the f* estimate column, left out when no row has an estimate.
    private static double[]? Estimates(Trace trace)
    {
        foreach (double estimate in trace.OptimalValueEstimate)
            if (!double.IsNaN(estimate)) return trace.OptimalValueEstimate.ToArray();
        return null;
    }

    // Likewise the prediction column, left out when no row has a prediction.
    private static double[]? Predictions(Trace trace)
    {
        foreach (double predicted in trace.PredictedValue)
            if (!double.IsNaN(predicted)) return trace.PredictedValue.ToArray();
        return null;
    }

    // ValidationState is version 1's: it is read only so that such a checkpoint meets the version message, not an unknown member.
    private sealed record Dto(int FormatVersion, string? Method, double[]? X, double Value, double[]? Gradient, long Iteration,
        long OracleCalls, double[]? BestX, double[]? BestGradient, double BestValue, long BestIteration, double LongestStep, double StartValue,
        double StartGradientNorm, double ElapsedSeconds, Dictionary<string, double[]>? MethodState,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TraceDto? Trace,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Dictionary<string, double[]>? ValidationState = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Dictionary<string, Dictionary<string, double[]>>? MonitorStates = null);

    private sealed record TraceDto(int[]? Iteration, long[]? OracleCalls, double[]? Value, double[]? Gap, double[]? GradientNorm,
        double[]? Stepsize, int[]? Kind, double[]? Distance, double[]? Seconds,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string?[]? Note = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? OptimalValueEstimate = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? PredictedValue = null);
}
