using System.Globalization;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Optimization;

/// <summary>
/// A result's message shows its numbers as the CLI's tables do (1.23e-20: a point, a lower-case e), whatever the
/// culture, so a stop line printed under a table reads in the table's notation.
/// </summary>
public class StopMessageFormatTests
{
    private static readonly double[] Start = [1.2, -0.7];

    private static T InGerman<T>(Func<T> action)
    {
        var culture = CultureInfo.CurrentCulture;
        // A culture that writes a decimal comma, as German does (built by hand: the tests may run without ICU).
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        CultureInfo.CurrentCulture = comma;
        try { return action(); }
        finally { CultureInfo.CurrentCulture = culture; }
    }

    [Fact]
    public void A_gap_tolerance_stop_writes_its_numbers_in_lower_case_e_notation_with_a_point()
    {
        var r = InGerman(() => Minimizer.Minimize(new QuarticRosenbrock(), Start, new GdPolyak(0.0125, 100, 50, 0), new MinimizeOptions { GapTolerance = 1e-12 }));
        Assert.Equal(StopReason.GapTolerance, r.StopReason);
        Assert.Matches(@"^f − f\* = \d(\.\d+)?e-\d\d ≤ 1e-12\.$", r.Message);
    }

    [Fact]
    public void A_relative_gap_stop_and_the_summary_line_write_no_upper_case_E_and_no_decimal_comma()
    {
        var r = InGerman(() => Minimizer.Minimize(new QuarticRosenbrock(), Start, new AdaptiveGdPolyak(optimalValue: 0), new MinimizeOptions { RelativeGapTolerance = 1e-20 }));
        Assert.Equal(StopReason.GapTolerance, r.StopReason);
        Assert.Matches(@"^f − f\* = \d(\.\d+)?e-\d\d ≤ 1e-20 · \(f\(x₀\) − f\*\) = \d(\.\d+)?e-\d\d\.$", r.Message);
        string line = InGerman(r.ToString);
        Assert.DoesNotContain("E-", line, StringComparison.Ordinal);
        Assert.Matches(@"best f = \d(\.\d+)?e-\d\d ", line);
    }
}
