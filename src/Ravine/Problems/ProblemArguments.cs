namespace Ravine.Problems;

/// <summary>Length checks every problem makes, so a span of the wrong length fails loudly instead of reading garbage.</summary>
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
}
