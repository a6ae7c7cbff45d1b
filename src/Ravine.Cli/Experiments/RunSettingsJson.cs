using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ravine.Methods;

namespace Ravine.Cli.Experiments;

/// <summary>
/// Reads <see cref="RunSettings"/> from a JSON object whose keys are the run settings among the long options of
/// <c>ravine run</c> without their dashes (<see cref="Keys"/>: <c>problem</c>, required, <c>method</c>, <c>seed</c>, …) and
/// the method's own options (e.g. <c>eta</c>, <c>K</c>, <c>epochs</c> for GDPolyak, <c>lr</c> for
/// Adam: <see cref="MethodDescriptor.Options"/>). Keys are case-sensitive; an unknown or repeated key, a
/// value of the wrong type or an invalid value is rejected with a one-line <see cref="FormatException"/> that names
/// the file and the key. Relative <c>data</c>, <c>x0</c> and <c>out</c> paths are relative to the file's folder.
/// Comments and trailing commas are allowed.
/// </summary>
public static class RunSettingsJson
{
    /// <summary>The keys of the run itself, in the order a written file lists them; every other key is a method option.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. RunOptions.Settings.Select(s => s.Option.Name)];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the settings in a JSON file.</summary>
    /// <exception cref="FormatException">The file is not valid JSON or not valid settings; the message names the file and the key.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static RunSettings Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string text;
        try
        {
            // Strict: read leniently, a stray Latin-1 byte becomes U+FFFD inside a name or a path and the run goes on.
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException($"{path}: not valid UTF-8 (byte {e.Index} of its text is not); save it as UTF-8", e);
        }
        return Parse(text, path, folder);
    }

    /// <summary>
    /// Writes <paramref name="settings"/> as the JSON object <see cref="Parse"/> reads (unset values left out), so a
    /// run's resolved settings can be saved and read back as a <c>--config</c> file.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(settings);
        writer.WriteStartObject();
        foreach (var (option, setting) in RunOptions.Settings)
        {
            if (setting.Get(settings) is { } value) ConfigFileValues.Write(writer, option.Name, value);
            // The method's options follow its name, as a config file is written by hand.
            if (option.Name == "method") WriteMethodOptions(writer, settings);
        }
        writer.WriteEndObject();
    }

    private static void WriteMethodOptions(Utf8JsonWriter writer, RunSettings settings)
    {
        var method = MethodRegistry.All.FirstOrDefault(m => string.Equals(m.Name, settings.Method.Trim(), StringComparison.OrdinalIgnoreCase));
        foreach (var (key, value) in settings.MethodOptions)
        {
            // Numbers as numbers (exactly as given), choices and other words as strings, so the file reads back the
            // same: a choice whose words look like numbers (adgd's variant 2024) is still a word.
            if (method?.Option(key)?.Kind != OptionKind.Choice
                && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                writer.WritePropertyName(key);
                writer.WriteRawValue(value.Trim(), skipInputValidation: false);
            }
            else
            {
                writer.WriteString(key, value);
            }
        }
    }

    /// <summary>Serializes <see cref="RunSettings"/> (in summaries) as the object <see cref="Parse"/> reads.</summary>
    public sealed class Converter : JsonConverter<RunSettings>
    {
        /// <inheritdoc />
        public override RunSettings Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return Parse(document.RootElement.GetRawText(), "settings");
        }

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, RunSettings value, JsonSerializerOptions options) => RunSettingsJson.Write(writer, value);
    }

    /// <summary>Parses settings from JSON text.</summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="source">The file name for messages.</param>
    /// <param name="baseFolder">The folder relative <c>data</c> and <c>out</c> paths are taken from; null keeps them as written.</param>
    /// <exception cref="FormatException">Not valid JSON or not valid settings.</exception>
    public static RunSettings Parse(string json, string source, string? baseFolder = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new FormatException($"{source}: expected a JSON object {{ \"problem\": ..., ... }}, found {ConfigFileValues.Describe(document.RootElement.ValueKind)}");
            return Build(document.RootElement, source, baseFolder);
        }
    }

    private static RunSettings Build(JsonElement root, string source, string? baseFolder)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
            if (!seen.Add(property.Name))
                throw new FormatException($"{source}: the key '{property.Name}' appears twice");
        if (!seen.Contains("problem"))
            throw new FormatException($"{source}: the key 'problem' is required");
        var from = new JsonSource(source, baseFolder);
        var values = RunOptions.Settings
            .Where(s => root.TryGetProperty(s.Option.Name, out var value) && value.ValueKind != JsonValueKind.Null)
            .Select(s => (s.Option.Name, s.Setting, Value: s.Setting.Read(root.GetProperty(s.Option.Name), s.Option.Name, from))).ToArray();
        try
        {
            string? problem = values.FirstOrDefault(v => v.Name == "problem").Value as string;
            string methodName = root.TryGetProperty("method", out var named) && named.ValueKind == JsonValueKind.String ? named.GetString()!
                : RunSettings.DefaultMethod(problem ?? "", root.EnumerateObject().Select(p => p.Name));
            var settings = new RunSettings { Problem = problem!, Method = methodName, MethodOptions = MethodOptions(root, MethodRegistry.Find(methodName), source) };
            return values.Aggregate(settings, (s, v) => v.Setting.Set(s, v.Value));
        }
        catch (ArgumentException e)
        {
            var key = e.ParamName ?? "?";
            var what = e is ArgumentOutOfRangeException { ActualValue: { } actual } ? $" (got {actual})" : "";
            // No inner exception: its message is this one's, and the command line would print it twice.
            throw new FormatException($"{source}: '{key}': {FirstSentence(e)}{what}");
        }
    }

    private static Dictionary<string, string> MethodOptions(JsonElement root, MethodDescriptor method, string source)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (Keys.Contains(property.Name)) continue;
            var option = method.Option(property.Name)
                ?? throw new FormatException($"{source}: unknown key '{property.Name}'; known keys: {string.Join(", ", Keys)} and the options of {method.Name}: {(method.Options.Count == 0 ? "none" : string.Join(", ", method.Options.Select(o => o.Key)))} (case-sensitive)");
            var kind = property.Value.ValueKind;
            // A choice whose words are numbers (adgd's variant 2024) may be written as the number too.
            bool fits = kind == JsonValueKind.Number
                ? option.Kind != OptionKind.Choice || option.Choices.Contains(property.Value.GetRawText(), StringComparer.Ordinal)
                : kind == JsonValueKind.String && option.Kind == OptionKind.Choice;
            if (!fits)
                throw new FormatException($"{source}: '{property.Name}' must be {option.Domain}, found {ConfigFileValues.Describe(kind)}{(kind == JsonValueKind.Number ? " " + property.Value.GetRawText() : "")}");
            string text = kind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            try
            {
                option.Parse(text);
            }
            catch (ArgumentException)
            {
                throw new FormatException($"{source}: '{property.Name}' must be {option.Domain}, found {text}");
            }
            options[property.Name] = text;
        }
        return options;
    }

    /// <summary>The word <c>fstar</c> takes for "unknown: estimate it", on the command line and in config files.</summary>
    public const string UnknownOptimalValue = "unknown";

    // ArgumentException appends "(Parameter 'x')" and, for out-of-range values, a second line; the key is named already.
    private static string FirstSentence(ArgumentException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOfAny(['\r', '\n']);
        return cut < 0 ? message : message[..cut];
    }
}
