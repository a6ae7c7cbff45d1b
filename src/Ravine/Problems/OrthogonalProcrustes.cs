using MathNet.Numerics.LinearAlgebra;

namespace Ravine.Problems;

/// <summary>
/// The distance from X to the solution set {X♮R : R orthogonal k×k} of the low-rank problems (quadratic sensing,
/// matrix factorization), by the orthogonal Procrustes solution.
/// </summary>
internal static class OrthogonalProcrustes
{
    /// <summary>
    /// dist(X) = min_R ‖X − X♮R‖_F over orthogonal R, with both matrices d×k row-major. The minimizer is R = UVᵀ from
    /// the SVD X♮ᵀX = UΣVᵀ (MathNet; it allocates a few k×k matrices per call).
    /// </summary>
    /// <remarks>
    /// The residual X − X♮R is formed explicitly rather than taking dist² = ‖X‖² + ‖X♮‖² − 2‖X♮ᵀX‖_*: that identity
    /// subtracts numbers of size ‖X♮‖², so it cannot report a distance below √ε·‖X♮‖ ≈ 1e-8, whereas the residual is
    /// accurate to a few ε·‖X‖ — 1e-15 on the solution set. When X♮ has rank r &lt; k the last k − r singular vectors
    /// are arbitrary, but X♮ maps them to (nearly) zero, so every choice gives the same distance.
    /// </remarks>
    public static double Distance(ReadOnlySpan<double> x, ReadOnlySpan<double> truth, int rows, int width)
    {
        int d = rows, k = width;
        var cross = Matrix<double>.Build.Dense(k, k);
        for (int j = 0; j < d; j++)
        {
            var truthRow = truth.Slice(j * k, k);
            var row = x.Slice(j * k, k);
            for (int a = 0; a < k; a++)
            {
                double t = truthRow[a];
                if (t == 0) continue;
                for (int b = 0; b < k; b++)
                    cross[a, b] = Math.FusedMultiplyAdd(t, row[b], cross[a, b]);
            }
        }
        var svd = cross.Svd(computeVectors: true);
        var rotation = svd.U * svd.VT;

        double squares = 0;
        for (int j = 0; j < d; j++)
        {
            var truthRow = truth.Slice(j * k, k);
            var row = x.Slice(j * k, k);
            for (int b = 0; b < k; b++)
            {
                double aligned = 0;
                for (int a = 0; a < k; a++)
                    aligned = Math.FusedMultiplyAdd(truthRow[a], rotation[a, b], aligned);
                double e = row[b] - aligned;
                squares = Math.FusedMultiplyAdd(e, e, squares);
            }
        }
        return Math.Sqrt(squares);
    }
}
