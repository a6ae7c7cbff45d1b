using System.Globalization;

namespace Ravine.Methods;

/// <summary>What kind of value a <see cref="MethodOption"/> takes.</summary>
public enum OptionKind
{
    /// <summary>A finite real number, possibly bounded.</summary>
    Real,
    /// <summary>A whole number, possibly bounded.</summary>
    Integer,
    /// <summary>One word out of <see cref="MethodOption.Choices"/>.</summary>
    Choice,
}

/// <summary>Whether and how a tuner (<c>compare --tune</c>, <c>sweep</c>) grids a <see cref="MethodOption"/>.</summary>
public enum TuningScale
{
    /// <summary>Not tuned: the option keeps its given or default value.</summary>
    None,
    /// <summary>Tuned over values spaced evenly in their logarithm (one per decade by default), as stepsizes are.</summary>
    Logarithmic,
}

/// <summary>
/// One setting of a method as users spell it: <c>--KEY value</c> on the command line and <c>"KEY": value</c> in a config
/// file. The schema of a method (its <see cref="MethodDescriptor.Options"/>) is what the command line, config files,
/// summaries and help are generated from, so a method's own settings (Adam's <c>beta1</c>, L-BFGS's <c>memory</c>)
/// need no code outside the method's file.
/// </summary>
public sealed record MethodOption
{
    /// <summary>The key, e.g. <c>eta</c> or <c>K</c> (case-sensitive).</summary>
    public required string Key { get; init; }

    /// <summary>One line for help texts.</summary>
    public required string Description { get; init; }

    /// <summary>The kind of value. Default: <see cref="OptionKind.Real"/>.</summary>
    public OptionKind Kind { get; init; } = OptionKind.Real;

    /// <summary>
    /// The value used when none is given, in the invariant text form; null when there is none. Then the option is either
    /// <see cref="Required"/>, or left unset and the method decides (its documented behaviour without it).
    /// </summary>
    public string? Default { get; init; }

    /// <summary>True when a run cannot start without a value (given by the user or by the caller's defaults).</summary>
    public bool Required { get; init; }

    /// <summary>
    /// The option as the command line writes it: <c>-K</c> for a one-letter key, <c>--eta</c> for the others (the parser
    /// takes either number of dashes; help, messages and docs write this one).
    /// </summary>
    public string Flag => Key.Length == 1 ? "-" + Key : "--" + Key;

    /// <summary>The allowed words of a <see cref="OptionKind.Choice"/>.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The smallest allowed value of a number (inclusive unless <see cref="MinimumExclusive"/>). Default −∞.</summary>
    public double Minimum { get; init; } = double.NegativeInfinity;

    /// <summary>True when <see cref="Minimum"/> itself is not allowed.</summary>
    public bool MinimumExclusive { get; init; }

    /// <summary>The largest allowed value of a number (inclusive unless <see cref="MaximumExclusive"/>). Default +∞.</summary>
    public double Maximum { get; init; } = double.PositiveInfinity;

    /// <summary>True when <see cref="Maximum"/> itself is not allowed.</summary>
    public bool MaximumExclusive { get; init; }

    /// <summary>Whether a tuner grids this option, and on what scale. Default: <see cref="TuningScale.None"/>.</summary>
    public TuningScale Tuning { get; init; }

    /// <summary>This option, gridded by tuners on a logarithmic scale (a stepsize or learning rate).</summary>
    public MethodOption Tuned() => this with { Tuning = TuningScale.Logarithmic };

    /// <summary>A positive finite real, e.g. a stepsize.</summary>
    public static MethodOption Positive(string key, string description, string? defaultValue = null, bool required = false) =>
        new() { Key = key, Description = description, Default = defaultValue, Required = required, Minimum = 0, MinimumExclusive = true };

    /// <summary>A real in [0, 1), e.g. a decay rate.</summary>
    public static MethodOption UnitInterval(string key, string description, string defaultValue) =>
        new() { Key = key, Description = description, Default = defaultValue, Minimum = 0, Maximum = 1, MaximumExclusive = true };

    /// <summary>A whole number ≥ <paramref name="minimum"/>, e.g. a count.</summary>
    public static MethodOption Count(string key, string description, long minimum, string? defaultValue = null, bool required = false) =>
        new() { Key = key, Kind = OptionKind.Integer, Description = description, Default = defaultValue, Required = required, Minimum = minimum, Maximum = int.MaxValue };

    /// <summary>One word out of <paramref name="choices"/>.</summary>
    public static MethodOption OneOf(string key, string description, string defaultValue, params string[] choices) =>
        new() { Key = key, Kind = OptionKind.Choice, Description = description, Default = defaultValue, Choices = choices };

    /// <summary>What values are allowed, in words, e.g. "a number > 0" or "one of bb1, bb2".</summary>
    public string Domain => Kind switch
    {
        OptionKind.Choice => $"one of {string.Join(", ", Choices)}",
        _ => (Kind == OptionKind.Integer ? "a whole number" : "a number") + Bounds(),
    };

    private string Bounds()
    {
        bool low = !double.IsNegativeInfinity(Minimum), high = !double.IsPositiveInfinity(Maximum) && !(Kind == OptionKind.Integer && Maximum == int.MaxValue);
        if (low && high)
            return $" in {(MinimumExclusive ? "(" : "[")}{Text(Minimum)}, {Text(Maximum)}{(MaximumExclusive ? ")" : "]")}";
        if (low) return $" {(MinimumExclusive ? ">" : "≥")} {Text(Minimum)}";
        if (high) return $" {(MaximumExclusive ? "<" : "≤")} {Text(Maximum)}";
        return "";
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses and checks a value given as text. The value is a <see cref="double"/>, a <see cref="long"/> or a
    /// <see cref="string"/> by <see cref="Kind"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Not a value of this option; the message names the option and what it takes, <see cref="ArgumentException.ParamName"/> is the key.</exception>
    public object Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        switch (Kind)
        {
            case OptionKind.Choice:
                foreach (string choice in Choices)
                    if (string.Equals(choice, trimmed, StringComparison.OrdinalIgnoreCase))
                        return choice;
                throw Invalid(text);
            case OptionKind.Integer:
                if (!long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole)
                    && !(double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == Math.Floor(d) && Math.Abs(d) < 9e15 && (whole = (long)d) == d))
                    throw Invalid(text);
                return InRange(whole) ? whole : throw Invalid(text);
            default:
                if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) || !double.IsFinite(real))
                    throw Invalid(text);
                return InRange(real) ? real : throw Invalid(text);
        }
    }

    private bool InRange(double value) =>
        (MinimumExclusive ? value > Minimum : value >= Minimum) && (MaximumExclusive ? value < Maximum : value <= Maximum);

    private ArgumentException Invalid(string text) => new($"{Flag} takes {Domain}, not '{text}'.", Key);
}
