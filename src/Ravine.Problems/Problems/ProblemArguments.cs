namespace Ravine.Problems;

/// <summary>Checks every problem makes, so a span of the wrong length or non-finite data fails loudly instead of reading garbage.</summary>
internal static class ProblemArguments
{
    public static void Check(ReadOnlySpan<double> x, Span<double> gradient, int dimension)
    {
        Check(x, dimension);
        if (gradient.Length != dimension)
            throw new ArgumentException($"The gradient span has length {gradient.Length}, expected {dimension}.", nameof(gradient));
    }

    public static void Check(ReadOnlySpan<double> x, int dimension)
    {
        if (x.Length != dimension)
            throw new ArgumentException($"The point has length {x.Length}, expected {dimension}.", nameof(x));
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first entry that is NaN or ±∞.</summary>
    public static void CheckFinite(double[] values, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{name}[{i}] = {values[i]} is not finite.", name);
    }

    /// <summary>An even dimension of at least <paramref name="minimum"/>, the size rule of the paired test problems.</summary>
    public static int EvenDimension(int dimension, int minimum, string problem) =>
        dimension >= minimum && dimension % 2 == 0 ? dimension
            : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"{problem} needs an even dimension ≥ {minimum}.");

    /// <summary>A fresh array of length <paramref name="dimension"/> alternating (<paramref name="even"/>, <paramref name="odd"/>, …): the standard starts of the paired test problems.</summary>
    public static double[] Alternating(int dimension, double even, double odd)
    {
        var values = new double[dimension];
        for (int i = 0; i < values.Length; i++) values[i] = i % 2 == 0 ? even : odd;
        return values;
    }

    /// <summary>‖x − c·1‖: the distance to an isolated minimizer with equal entries.</summary>
    public static double DistanceToConstant(ReadOnlySpan<double> x, double c)
    {
        double sum = 0;
        foreach (double v in x) sum += (v - c) * (v - c);
        return Math.Sqrt(sum);
    }
}
