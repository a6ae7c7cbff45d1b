namespace Ravine.Cli.Compare;

/// <summary>Median and quartiles of a sample, by linear interpolation between order statistics (R's type 7, NumPy's default).</summary>
/// <param name="Q1">The first quartile.</param>
/// <param name="Median">The median.</param>
/// <param name="Q3">The third quartile.</param>
internal readonly record struct Quartiles(double Q1, double Median, double Q3)
{
    /// <summary>NaN for all three: the summary of an empty sample.</summary>
    public static Quartiles None { get; } = new(double.NaN, double.NaN, double.NaN);

    /// <summary>The interquartile range Q3 − Q1.</summary>
    public double Range => Q3 - Q1;

    /// <summary>The quartiles of <paramref name="sample"/> (+∞ entries sort last); <see cref="None"/> when it is empty.</summary>
    public static Quartiles Of(IEnumerable<double> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var sorted = sample.Order().ToArray();
        return sorted.Length == 0 ? None : new(At(sorted, 0.25), At(sorted, 0.5), At(sorted, 0.75));
    }

    private static double At(double[] sorted, double q)
    {
        double h = (sorted.Length - 1) * q;
        int low = (int)Math.Floor(h);
        int high = Math.Min(low + 1, sorted.Length - 1);
        double fraction = h - low;
        // Failures enter as +∞; interpolating towards one is +∞, and ∞ − ∞ must not turn into NaN.
        if (fraction == 0) return sorted[low];
        return double.IsPositiveInfinity(sorted[high]) ? double.PositiveInfinity : sorted[low] + fraction * (sorted[high] - sorted[low]);
    }
}
