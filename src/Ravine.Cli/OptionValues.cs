using System.ComponentModel;
using System.Globalization;
using Ravine.Cli.Output;

namespace Ravine.Cli;

/// <summary>An option's value that does not parse; the message names the option, what it takes and what was given.</summary>
internal sealed class OptionValueException(string message) : FormatException(message);

/// <summary>
/// Parses one option's text for Spectre.Console.Cli (<c>[TypeConverter(typeof(…))]</c> on the setting). .NET's own
/// converters name the CLR type (<c>Nullable`1</c>, <c>UInt64</c>, the C# enum) and not the option; ours say
/// <c>--seed takes a whole number in [0, 2^64), not '-1'.</c>
/// </summary>
internal abstract class OptionValueConverter(string option, string takes) : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        string text = value as string ?? "";
        return Parse(text) ?? throw new OptionValueException(Message(option, takes, text));
    }

    /// <summary>The one-line message for <paramref name="option"/> given <paramref name="text"/>.</summary>
    public static string Message(string option, string takes, string text) => $"{option} takes {takes}, not '{text}'.";

    /// <summary>The value, or null when <paramref name="text"/> is not one.</summary>
    protected abstract object? Parse(string text);

    protected static object? WholeNumber(string text, int minimum) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= minimum ? value : null;
}

internal sealed class SeedValue() : OptionValueConverter("--seed", "a whole number in [0, 2^64)")
{
    protected override object? Parse(string text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) ? value : null;
}

internal sealed class MaxItersValue() : OptionValueConverter("--max-iters", "a whole number in [0, 2^63)")
{
    protected override object? Parse(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= 0 ? value : null;
}

internal sealed class CheckpointEveryValue() : OptionValueConverter("--checkpoint-every", "a whole number in [0, 2^31)")
{
    protected override object? Parse(string text) => WholeNumber(text, 0);
}

internal sealed class RunsValue() : OptionValueConverter("--runs", "a whole number in [1, 2^31)")
{
    protected override object? Parse(string text) => WholeNumber(text, 1);
}

internal sealed class FStarValue() : OptionValueConverter("--fstar", "a finite number or 'unknown'")
{
    // Kept as text: "unknown" (f* to be estimated) is a value too; RunCommand reads the number.
    protected override object? Parse(string text) =>
        string.Equals(text.Trim(), "unknown", StringComparison.OrdinalIgnoreCase)
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? text.Trim() : null;
}

internal sealed class FormatValue() : OptionValueConverter("--format", "text, markdown or json")
{
    // By name only: Enum.TryParse would also take "1" or "Markdown, Json".
    protected override object? Parse(string text) =>
        Enum.GetValues<ConsoleFormat>().Cast<ConsoleFormat?>().FirstOrDefault(f => string.Equals(f.ToString(), text, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Options that take a name, a file or a folder: given but blank is an error, not "use the default".</summary>
internal static class OptionText
{
    /// <summary>The message for the first of <paramref name="options"/> given as blank text, or null when none is.</summary>
    public static string? FirstBlank(params (string Option, string? Value, string Takes)[] options) =>
        options.Where(o => o.Value is not null && string.IsNullOrWhiteSpace(o.Value))
            .Select(o => OptionValueConverter.Message(o.Option, o.Takes, o.Value!)).FirstOrDefault();
}

internal sealed class ShardsValue() : OptionValueConverter("--shards", "a whole number ≥ 1")
{
    protected override object? Parse(string text) => WholeNumber(text, 1);
}

internal sealed class ThreadsValue() : OptionValueConverter("--threads", "a whole number ≥ 1")
{
    protected override object? Parse(string text) => WholeNumber(text, 1);
}

internal sealed class GapToleranceValue() : OptionValueConverter("--gap-tolerance", "a number ≥ 0 (0: off)")
{
    protected override object? Parse(string text) => NonNegative(text);

    internal static object? NonNegative(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0 && double.IsFinite(value) ? value : null;
}

internal sealed class GradientToleranceValue() : OptionValueConverter("--gradient-tolerance", "a number ≥ 0 (0: off)")
{
    protected override object? Parse(string text) => GapToleranceValue.NonNegative(text);
}

internal sealed class TimeLimitValue() : OptionValueConverter("--time-limit", Experiments.Duration.Takes)
{
    protected override object? Parse(string text) => Experiments.Duration.Seconds(text);
}
