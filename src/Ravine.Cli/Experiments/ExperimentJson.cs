using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ravine.Cli.Experiments;

/// <summary>
/// JSON for run and experiment summaries: camelCase, indented, enums as names, doubles in their shortest form that
/// reads back to the same bits (<see cref="IO.RoundTripDouble"/>), NaN and infinities as the strings "NaN", "Infinity",
/// "-Infinity".
/// </summary>
public static class ExperimentJson
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
    };

    /// <summary>Serializes <paramref name="value"/> with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deserializes a summary written by <see cref="Serialize{T}"/>.</summary>
    /// <exception cref="JsonException">The text is not such a summary.</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The JSON holds null, not a {typeof(T).Name}.");
}
