using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ravine.Cli.Experiments;

/// <summary>
/// JSON for run and experiment summaries: camelCase, indented, enums as names, doubles in their shortest form that
/// reads back to the same bits (<see cref="IO.RoundTripDouble"/>), NaN and infinities as the strings "NaN", "Infinity",
/// "-Infinity".
/// </summary>
public static partial class ExperimentJson
{
    /// <summary>The serializer options every summary is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // Titles hold x⁴ and Greek letters: keep them readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new IO.RoundTripDouble.JsonConverter() },
        // The summaries' metadata are generated at build time: reflection over them was most of a small run's JSON
        // time. Other types (sweep's anonymous rows) still go through reflection.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(SummaryJson.Default, new DefaultJsonTypeInfoResolver()),
    };

    [JsonSerializable(typeof(ExperimentSummary))]
    [JsonSerializable(typeof(RunSummary))]
    [JsonSerializable(typeof(Compare.CompareSummary))]
    [JsonSerializable(typeof(BenchReport))]
    private sealed partial class SummaryJson : JsonSerializerContext;

    /// <summary>Serializes <paramref name="value"/> with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>
    /// <paramref name="summary"/> as <see cref="Serialize{T}"/> writes it, with a first property <c>report</c>: the path
    /// of the report written beside it. For stdout, where a script reads the JSON alone; the summary.json in the results
    /// folder stays free of paths, so that it holds wherever the folder is moved.
    /// </summary>
    public static string SerializeWithReport<T>(T summary, string report)
    {
        var json = JsonSerializer.SerializeToNode(summary, Options)?.AsObject() ?? throw new ArgumentNullException(nameof(summary));
        json.Insert(0, "report", report);
        return json.ToJsonString(Options);
    }

    /// <summary>Deserializes a summary written by <see cref="Serialize{T}"/>.</summary>
    /// <exception cref="JsonException">The text is not such a summary.</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The JSON holds null, not a {typeof(T).Name}.");
}
