using System.Globalization;

namespace Ravine.Cli.Compare;

/// <summary>
/// The values of one axis of a grid, as users type them: <c>FROM:TO:N</c> for N log-spaced values from FROM to TO
/// (both included; stepsizes span decades, so equal ratios, not equal differences), or a comma-separated list.
/// </summary>
internal static class GridSpec
{
    /// <summary>Parses a grid; values are rounded to 12 significant digits so that 1e-4:10:6 gives exactly 1e-4, 1e-3, …, 10.</summary>
    /// <exception cref="ArgumentException">Not a grid: a malformed number, a bound ≤ 0 in a log-spaced range, or N &lt; 1.</exception>
    public static IReadOnlyList<double> Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length == 3)
        {
            double from = Number(parts[0], text, name), to = Number(parts[1], text, name);
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
                throw Invalid(text, name, "N must be a whole number ≥ 1");
            if (from <= 0 || to <= 0)
                throw Invalid(text, name, "a log-spaced range needs FROM > 0 and TO > 0");
            return LogSpaced(from, to, count);
        }
        if (parts.Length != 1)
            throw Invalid(text, name, "write FROM:TO:N or a comma-separated list");
        var values = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => Number(v, text, name)).ToArray();
        return values.Length > 0 ? values : throw Invalid(text, name, "the list is empty");
    }

    /// <summary>N values from <paramref name="from"/> to <paramref name="to"/> with equal ratios between neighbours.</summary>
    public static IReadOnlyList<double> LogSpaced(double from, double to, int count)
    {
        if (count == 1) return [from];
        double a = Math.Log10(from), b = Math.Log10(to);
        return Enumerable.Range(0, count).Select(i => Round(Math.Pow(10, a + (b - a) * i / (count - 1)))).ToArray();
    }

    /// <summary>Whole numbers for a count option: each value rounded, repeats dropped, at least <paramref name="minimum"/>.</summary>
    public static IReadOnlyList<double> Whole(IReadOnlyList<double> values, double minimum) =>
        values.Select(v => Math.Max(minimum, Math.Round(v))).Distinct().ToArray();

    private static double Round(double value) => double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static double Number(string part, string text, string name) =>
        double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : throw Invalid(text, name, $"'{part}' is not a number");

    private static ArgumentException Invalid(string text, string name, string why) =>
        new($"--{name} takes FROM:TO:N (N log-spaced values) or a list a,b,c; '{text}': {why}.", name);
}
