using Ravine.Randomness;

namespace Ravine.Problems;

/// <summary>
/// The factor matrices the low-rank problems (quadratic sensing, matrix factorization) share, all d×k and stored
/// row-major in one array: the zero-padded truth X♮ = [G, 0] and the unit-norm Gaussian start.
/// </summary>
public static class LowRankFactors
{
    /// <summary>
    /// <paramref name="count"/> standard normal draws from <paramref name="rng"/> in index order, divided by their
    /// Euclidean (Frobenius) norm.
    /// </summary>
    public static double[] UnitGaussian(Xoshiro256StarStar rng, int count)
    {
        double[] values = rng.NextGaussians(count);
        double norm = Math.Sqrt(FusedSums.SumOfSquares(values));
        for (int i = 0; i < values.Length; i++) values[i] /= norm;
        return values;
    }

    /// <summary>
    /// The d×k row-major matrix [F, 0]: the d×c row-major matrix <paramref name="factor"/> followed by k − c zero
    /// columns.
    /// </summary>
    public static double[] Padded(ReadOnlySpan<double> factor, int rows, int columns, int width)
    {
        var padded = new double[rows * width];
        for (int j = 0; j < rows; j++)
            factor.Slice(j * columns, columns).CopyTo(padded.AsSpan(j * width, columns));
        return padded;
    }
}
