using System.Text.Json;

namespace Ravine.Cli.Experiments;

/// <summary>
/// The readers of a config file's values by the type a key takes (<see cref="RunSettingField.Read"/>); each rejects a
/// value of another type with a one-line <see cref="FormatException"/> naming the file and the key.
/// </summary>
internal static class ConfigFileValues
{
    public static object Text(JsonElement value, string key, JsonSource source) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Wrong(source, key, "a string", Describe(value.ValueKind));

    /// <summary>A path, taken relative to the file's folder.</summary>
    public static object Path(JsonElement value, string key, JsonSource source)
    {
        var path = (string)Text(value, key, source);
        return source.BaseFolder is null || System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(source.BaseFolder, path);
    }

    public static object Number(JsonElement value, string key, JsonSource source) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) ? number : throw Wrong(source, key, "a number", Describe(value.ValueKind));

    public static object WholeNumber(JsonElement value, string key, JsonSource source) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Wrong(source, key, "a whole number (32-bit)", Raw(value));

    public static object Seed(JsonElement value, string key, JsonSource source) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var seed) ? seed : throw Wrong(source, key, "a whole number in [0, 2^64)", Raw(value));

    /// <summary>A number of seconds, or a string with a unit as <c>--time-limit</c> takes it.</summary>
    public static object Seconds(JsonElement value, string key, JsonSource source)
    {
        string text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString()!,
            _ => throw Wrong(source, key, Duration.Takes, Describe(value.ValueKind)),
        };
        return Duration.Seconds(text) ?? throw Wrong(source, key, Duration.Takes, text);
    }

    /// <summary>f*: a number, or <see cref="RunSettingsJson.UnknownOptimalValue"/>.</summary>
    public static object OptimalValue(JsonElement value, string key, JsonSource source) =>
        value.ValueKind == JsonValueKind.String && value.GetString() == RunSettingsJson.UnknownOptimalValue ? RunSettingsJson.UnknownOptimalValue : Number(value, key, source);

    /// <summary>Writes a value as <see cref="RunSettingField.Read"/> reads it back; doubles round-trip exactly.</summary>
    public static void Write(Utf8JsonWriter writer, string key, object value)
    {
        switch (value)
        {
            case string text: writer.WriteString(key, text); break;
            case int number: writer.WriteNumber(key, number); break;
            case long number: writer.WriteNumber(key, number); break;
            case ulong number: writer.WriteNumber(key, number); break;
            case double number:
                writer.WritePropertyName(key);
                writer.WriteRawValue(IO.RoundTripDouble.Format(number), skipInputValidation: true);
                break;
            default: throw new ArgumentException($"'{key}' holds a {value.GetType().Name}, which a config file does not take.", nameof(value));
        }
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Raw(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Describe(value.ValueKind);

    private static FormatException Wrong(JsonSource source, string key, string takes, string found) =>
        new($"{source.Name}: '{key}' must be {takes}, found {found}");
}
