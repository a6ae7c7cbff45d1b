using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ravine.Methods;
using Ravine.Problems;

namespace Ravine.Cli.Experiments;

/// <summary>
/// Reads <see cref="RunSettings"/> from a JSON object whose keys are the long options of <c>ravine run</c> without
/// their dashes: <c>problem</c> (required), <c>size</c>, <c>data</c>, <c>x0</c>, <c>method</c>, <c>max-iters</c>, <c>fstar</c>, <c>seed</c>,
/// <c>out</c>, the stop tolerances (<c>gap-tolerance</c>, <c>gradient-tolerance</c>, <c>time-limit</c>), and the method's own options (e.g. <c>eta</c>, <c>K</c>, <c>epochs</c> for GDPolyak, <c>lr</c> for
/// Adam: <see cref="MethodDescriptor.Options"/>). Keys are case-sensitive; an unknown or repeated key, a
/// value of the wrong type or an invalid value is rejected with a one-line <see cref="FormatException"/> that names
/// the file and the key. Relative <c>data</c>, <c>x0</c> and <c>out</c> paths are relative to the file's folder.
/// Comments and trailing commas are allowed.
/// </summary>
public static class RunSettingsJson
{
    /// <summary>The keys of the run itself, in the order the documentation lists them; every other key is a method option.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["problem", "size", "data", "x0", "method", "max-iters", "fstar", "seed", "out", "validation-every", "patience", "threads", "cluster", "shards", "gap-tolerance", "gradient-tolerance", "time-limit"];

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
        writer.WriteString("problem", settings.Problem);
        if (settings.Size is { } size) writer.WriteString("size", size);
        if (settings.Data is { } data) writer.WriteString("data", data);
        if (settings.X0 is { } x0) writer.WriteString("x0", x0);
        writer.WriteString("method", settings.Method);
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
        if (settings.MaxIterations is { } maxIterations) writer.WriteNumber("max-iters", maxIterations);
        if (settings.OptimalValue is { } fstar) WriteExact(writer, "fstar", fstar);
        else if (settings.OptimalValueUnknown) writer.WriteString("fstar", UnknownOptimalValue);
        writer.WriteNumber("seed", settings.Seed);
        if (settings.ValidationInterval is { } every) writer.WriteNumber("validation-every", every);
        if (settings.Patience is { } patience) writer.WriteNumber("patience", patience);
        if (settings.Threads is { } threads) writer.WriteNumber("threads", threads);
        if (settings.Shards is { } shards) writer.WriteNumber("shards", shards);
        if (settings.Cluster is { } cluster) writer.WriteString("cluster", cluster);
        if (settings.Output is { } output) writer.WriteString("out", output);
        if (settings.GapTolerance is { } gap) WriteExact(writer, "gap-tolerance", gap);
        if (settings.GradientTolerance is { } gradient) WriteExact(writer, "gradient-tolerance", gradient);
        if (settings.TimeLimit is { } seconds) WriteExact(writer, "time-limit", seconds);
        writer.WriteEndObject();
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

    private static void WriteExact(Utf8JsonWriter writer, string key, double value)
    {
        writer.WritePropertyName(key);
        writer.WriteRawValue(IO.RoundTripDouble.Format(value), skipInputValidation: true);
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
                throw new FormatException($"{source}: expected a JSON object {{ \"problem\": ..., ... }}, found {Describe(document.RootElement.ValueKind)}");
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
        try
        {
            string methodName = String(root, "method", source)
                ?? RunSettings.DefaultMethod(String(root, "problem", source) ?? "", root.EnumerateObject().Select(p => p.Name));
            var method = MethodRegistry.Find(methodName);
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
                    throw new FormatException($"{source}: '{property.Name}' must be {option.Domain}, found {Describe(kind)}{(kind == JsonValueKind.Number ? " " + property.Value.GetRawText() : "")}");
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
            return new RunSettings
            {
                Problem = String(root, "problem", source)!,
                Size = String(root, "size", source),
                Data = PathValue(String(root, "data", source), baseFolder),
                X0 = PathValue(String(root, "x0", source), baseFolder),
                Method = methodName,
                MethodOptions = options,
                MaxIterations = Integer(root, "max-iters", source),
                OptimalValue = IsUnknown(root) ? null : Number(root, "fstar", source),
                OptimalValueUnknown = IsUnknown(root),
                ValidationInterval = Integer(root, "validation-every", source),
                Patience = Integer(root, "patience", source),
                Threads = Integer(root, "threads", source),
                Seed = Seed(root, source),
                Output = PathValue(String(root, "out", source), baseFolder),
                Cluster = String(root, "cluster", source),
                Shards = Integer(root, "shards", source),
                GapTolerance = Number(root, "gap-tolerance", source),
                GradientTolerance = Number(root, "gradient-tolerance", source),
                TimeLimit = Seconds(root, source),
            };
        }
        catch (ArgumentException e)
        {
            var key = e.ParamName ?? "?";
            var what = e is ArgumentOutOfRangeException { ActualValue: { } actual } ? $" (got {actual})" : "";
            // No inner exception: its message is this one's, and the command line would print it twice.
            throw new FormatException($"{source}: '{key}': {FirstSentence(e)}{what}");
        }
    }

    /// <summary>The word <c>fstar</c> takes for "unknown: estimate it", on the command line and in config files.</summary>
    public const string UnknownOptimalValue = "unknown";

    private static bool IsUnknown(JsonElement root) =>
        root.TryGetProperty("fstar", out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == UnknownOptimalValue;

    private static string? String(JsonElement root, string key, string source)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FormatException($"{source}: '{key}' must be a string, found {Describe(value.ValueKind)}");
    }

    private static double? Number(JsonElement root, string key, string source)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            ? number
            : throw new FormatException($"{source}: '{key}' must be a number, found {Describe(value.ValueKind)}");
    }

    private static int? Integer(JsonElement root, string key, string source)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new FormatException($"{source}: '{key}' must be a whole number (32-bit), found {Raw(value)}");
    }

    // A number of seconds, or a string with a unit as --time-limit takes it.
    private static double? Seconds(JsonElement root, string source)
    {
        if (!root.TryGetProperty("time-limit", out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        string text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString()!,
            _ => throw new FormatException($"{source}: 'time-limit' must be {Duration.Takes}, found {Describe(value.ValueKind)}"),
        };
        return Duration.Seconds(text) ?? throw new FormatException($"{source}: 'time-limit' must be {Duration.Takes}, found {text}");
    }

    private static ulong Seed(JsonElement root, string source)
    {
        if (!root.TryGetProperty("seed", out var value) || value.ValueKind == JsonValueKind.Null)
            return ProblemRegistry.DefaultSeed;
        return value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var seed)
            ? seed
            : throw new FormatException($"{source}: 'seed' must be a whole number in [0, 2^64), found {Raw(value)}");
    }

    private static string? PathValue(string? path, string? baseFolder) =>
        path is null || baseFolder is null || Path.IsPathRooted(path) ? path : Path.Combine(baseFolder, path);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Raw(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Describe(value.ValueKind);

    // ArgumentException appends "(Parameter 'x')" and, for out-of-range values, a second line; the key is named already.
    private static string FirstSentence(ArgumentException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOfAny(['\r', '\n']);
        return cut < 0 ? message : message[..cut];
    }
}
