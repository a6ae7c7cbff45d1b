using System.Globalization;

namespace Ravine.Cli.Experiments;

/// <summary>A wall-clock duration as <c>ravine run --time-limit</c> and its config key take it: seconds, or a number with s, m or h.</summary>
internal static class Duration
{
    /// <summary>What a duration may be written as, for messages.</summary>
    public const string Takes = "a positive number of seconds, or a number with s, m or h (e.g. 90, 90s, 15m, 2h)";

    /// <summary>The seconds <paramref name="text"/> stands for, or null when it is not a positive finite duration.</summary>
    public static double? Seconds(string text)
    {
        text = text.Trim();
        int unit = text.Length == 0 ? 0 : char.ToLowerInvariant(text[^1]) switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        string number = unit == 0 ? text : text[..^1];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return null;
        double seconds = value * Math.Max(unit, 1);
        return IsValid(seconds) ? seconds : null;
    }

    /// <summary>True for a positive number of seconds that a <see cref="TimeSpan"/> holds (about 29,000 years: more is "no limit" in all but name).</summary>
    public static bool IsValid(double seconds) => seconds > 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2;
}
