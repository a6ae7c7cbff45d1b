using System.Globalization;

namespace Ravine.Cli.Output;

/// <summary>How numbers look in tables and reports: three significant digits in scientific notation, invariant culture.</summary>
internal static class Numbers
{
    public static string Sci(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.00e+00", CultureInfo.InvariantCulture);

    public static string Seconds(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Integer(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Plain(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
