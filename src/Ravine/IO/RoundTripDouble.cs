using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ravine.IO;

/// <summary>
/// Doubles as text that parses back to the same bits. .NET's shortest form ("R", and System.Text.Json's default) is not
/// always that: for some powers of two, whose rounding interval is narrower below than above, it gives a string that
/// parses to the double one ulp below (2⁻²⁵ = 2.98023223876953125e-8 comes out as "2.980232238769531E-08"). A
/// checkpoint or trace that lost that ulp would resume, or compare, one ulp off. So the shortest form is checked and,
/// where it fails, the 17-digit form (always exact) is written instead.
/// </summary>
public static class RoundTripDouble
{
    /// <summary>Formats <paramref name="value"/> in the invariant culture so that parsing it gives the same bits.</summary>
    public static bool TryFormat(double value, Span<char> destination, out int written)
    {
        if (!value.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture))
            return false;
        if (!double.IsFinite(value) || double.Parse(destination[..written], NumberStyles.Float, CultureInfo.InvariantCulture).Equals(value))
            return true;
        return value.TryFormat(destination, out written, "G17", CultureInfo.InvariantCulture);
    }

    /// <summary><paramref name="value"/> as round-trip text (see <see cref="TryFormat"/>).</summary>
    public static string Format(double value)
    {
        Span<char> buffer = stackalloc char[32];
        return TryFormat(value, buffer, out int written) ? new string(buffer[..written]) : throw new InvalidOperationException($"Could not format {value}.");
    }

    /// <summary>
    /// A System.Text.Json converter writing doubles as exact round-trip numbers (NaN and ±∞ as the strings "NaN",
    /// "Infinity", "-Infinity") and reading numbers or those strings.
    /// </summary>
    public sealed class JsonConverter : JsonConverter<double>
    {
        /// <inheritdoc />
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDouble(),
            JsonTokenType.String => reader.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var other => throw new JsonException($"'{other}' is not a number."),
            },
            _ => throw new JsonException($"Expected a number, found {reader.TokenType}."),
        };

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (double.IsNaN(value)) writer.WriteStringValue("NaN");
            else if (double.IsPositiveInfinity(value)) writer.WriteStringValue("Infinity");
            else if (double.IsNegativeInfinity(value)) writer.WriteStringValue("-Infinity");
            else writer.WriteRawValue(Format(value), skipInputValidation: true);
        }
    }
}
