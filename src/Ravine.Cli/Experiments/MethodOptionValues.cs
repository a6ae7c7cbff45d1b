using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ravine.Methods;

namespace Ravine.Cli.Experiments;

/// <summary>
/// A run's method options as its summary records them: numbers as JSON numbers (exactly), words as strings, in the
/// schema's order; equal when every value is. What <see cref="MethodArguments.Values"/> holds, in a form that reads back.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class MethodOptionValues : IReadOnlyDictionary<string, object>, IEquatable<MethodOptionValues>
{
    private readonly List<KeyValuePair<string, object>> _values;

    /// <summary>Copies resolved values (<see cref="double"/>, <see cref="long"/> or <see cref="string"/> each).</summary>
    public MethodOptionValues(IEnumerable<KeyValuePair<string, object>> values) => _values = values.ToList();

    /// <inheritdoc />
    public object this[string key] => _values.First(v => v.Key == key).Value;
    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Select(v => v.Key);
    /// <inheritdoc />
    public IEnumerable<object> Values => _values.Select(v => v.Value);
    /// <inheritdoc />
    public int Count => _values.Count;
    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.Any(v => v.Key == key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out object value)
    {
        foreach (var v in _values)
            if (v.Key == key)
            {
                value = v.Value;
                return true;
            }
        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(MethodOptionValues? other) =>
        other is not null && Count == other.Count && _values.Zip(other._values).All(p => p.First.Key == p.Second.Key && Text(p.First.Value) == Text(p.Second.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MethodOptionValues);

    /// <inheritdoc />
    public override int GetHashCode() => string.Join(";", _values.Select(v => v.Key + "=" + Text(v.Value))).GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => string.Join(" ", _values.Select(v => $"{v.Key}={Text(v.Value)}"));

    private static string Text(object value) => MethodDescriptor.Format(value);

    /// <summary>Writes numbers as numbers (shortest exact form) and reads them back as <see cref="long"/> or <see cref="double"/>.</summary>
    public sealed class Converter : JsonConverter<MethodOptionValues>
    {
        /// <inheritdoc />
        public override MethodOptionValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var values = new List<KeyValuePair<string, object>>();
            foreach (var property in document.RootElement.EnumerateObject())
                values.Add(new(property.Name, property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number when property.Value.TryGetInt64(out long whole) && !property.Value.GetRawText().Contains('.', StringComparison.Ordinal)
                        && !property.Value.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase) => whole,
                    JsonValueKind.Number => double.Parse(property.Value.GetRawText(), CultureInfo.InvariantCulture),
                    _ => throw new JsonException($"The option '{property.Name}' is neither a number nor a word."),
                }));
            return new MethodOptionValues(values);
        }

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, MethodOptionValues value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, v) in value)
            {
                writer.WritePropertyName(key);
                if (v is string word) writer.WriteStringValue(word);
                else writer.WriteRawValue(v is double d ? IO.RoundTripDouble.Format(d) : Text(v), skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
    }
}
