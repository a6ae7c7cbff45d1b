namespace Ravine.Problems;

/// <summary>Sums the problems share, each with one rounding per term (fused multiply-add) in index order.</summary>
internal static class FusedSums
{
    /// <summary>Σ vᵢ², accumulated in index order with fused multiply-adds.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum = Math.FusedMultiplyAdd(v, v, sum);
        return sum;
    }
}
