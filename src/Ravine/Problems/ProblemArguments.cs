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
}
