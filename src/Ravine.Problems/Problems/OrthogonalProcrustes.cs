namespace Ravine.Problems;

/// <summary>
/// The distance from X to the solution set {X♮R : R orthogonal k×k} of the low-rank problems (quadratic sensing,
/// matrix factorization), by the orthogonal Procrustes solution.
/// </summary>
/// <remarks>
/// The trace records this distance at every iteration, so it must cost little next to an oracle call and allocate
/// nothing. MathNet's SVD of the k×k matrix X♮ᵀX allocates on every call (even through its provider-level array API)
/// and costs more than a matrix-factorization oracle call (docs/PERFORMANCE.md has the measurement), so the k×k SVD
/// is a one-sided Jacobi on the stack instead; MathNet's SVD stays the reference it is tested against.
/// </remarks>
public static class OrthogonalProcrustes
{
    /// <summary>The unit round-off of double, 2⁻⁵².</summary>
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>
    /// dist(X) = min_R ‖X − X♮R‖_F over orthogonal R, with both matrices d×k row-major. The minimizer is R = UVᵀ from
    /// the SVD X♮ᵀX = UΣVᵀ. Allocation-free for k ≤ 32.
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
        Span<double> buffer = k <= 32 ? stackalloc double[3 * k * k] : new double[3 * k * k];
        buffer.Clear();
        Span<double> cross = buffer[..(k * k)], right = buffer.Slice(k * k, k * k), rotation = buffer.Slice(2 * k * k, k * k);
        for (int j = 0; j < d; j++)
        {
            var truthRow = truth.Slice(j * k, k);
            var row = x.Slice(j * k, k);
            for (int a = 0; a < k; a++)
            {
                double t = truthRow[a];
                if (t == 0) continue;
                for (int b = 0; b < k; b++)
                    cross[a * k + b] = Math.FusedMultiplyAdd(t, row[b], cross[a * k + b]);
            }
        }
        OrthogonalFactor(cross, k, right, rotation);

        double squares = 0;
        for (int j = 0; j < d; j++)
        {
            var truthRow = truth.Slice(j * k, k);
            var row = x.Slice(j * k, k);
            for (int b = 0; b < k; b++)
            {
                double aligned = 0;
                for (int a = 0; a < k; a++)
                    aligned = Math.FusedMultiplyAdd(truthRow[a], rotation[a * k + b], aligned);
                double e = row[b] - aligned;
                squares = Math.FusedMultiplyAdd(e, e, squares);
            }
        }
        return Math.Sqrt(squares);
    }

    /// <summary>
    /// The orthogonal factor R = UVᵀ of the SVD C = UΣVᵀ of a k×k row-major matrix, by one-sided (Hestenes) Jacobi:
    /// plane rotations V on the right until the columns of W = CV are orthogonal, then U = W Σ⁻¹. Columns whose
    /// singular value is round-off (C of rank below k) are completed to an orthonormal U from the unit vectors.
    /// </summary>
    /// <param name="c">C; overwritten with U.</param>
    /// <param name="k">The order k.</param>
    /// <param name="v">Scratch of k² entries; receives V.</param>
    /// <param name="rotation">Receives R = UVᵀ.</param>
    internal static void OrthogonalFactor(Span<double> c, int k, Span<double> v, Span<double> rotation)
    {
        v.Clear();
        for (int i = 0; i < k; i++) v[i * k + i] = 1;
        double frobenius = FusedSums.SumOfSquares(c);
        // A column whose norm is round-off of ‖C‖ has a direction that is noise: rotating against it would never settle.
        double negligible = 16 * Epsilon * Epsilon * frobenius;
        for (int sweep = 0; sweep < 64; sweep++)
        {
            bool rotated = false;
            for (int p = 0; p < k - 1; p++)
                for (int q = p + 1; q < k; q++)
                {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int i = 0; i < k; i++)
                    {
                        double wp = c[i * k + p], wq = c[i * k + q];
                        alpha = Math.FusedMultiplyAdd(wp, wp, alpha);
                        beta = Math.FusedMultiplyAdd(wq, wq, beta);
                        gamma = Math.FusedMultiplyAdd(wp, wq, gamma);
                    }
                    if (gamma == 0 || Math.Min(alpha, beta) <= negligible || Math.Abs(gamma) <= 1e-15 * Math.Sqrt(alpha) * Math.Sqrt(beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = (zeta >= 0 ? 1 : -1) / (Math.Abs(zeta) + Math.Sqrt(1 + zeta * zeta));
                    double cs = 1 / Math.Sqrt(1 + t * t), sn = cs * t;
                    Rotate(c, k, p, q, cs, sn);
                    Rotate(v, k, p, q, cs, sn);
                }
            if (!rotated) break;
        }

        double largest = 0;
        for (int p = 0; p < k; p++) largest = Math.Max(largest, ColumnNorm(c, k, p));
        // Below this a column of W is round-off, not a direction: it gets a completing unit vector instead.
        double floor = 8 * k * Epsilon * largest;
        Span<bool> accepted = k <= 64 ? stackalloc bool[k] : new bool[k];
        for (int p = 0; p < k; p++)
        {
            double norm = ColumnNorm(c, k, p);
            accepted[p] = norm > floor && norm > 0;
            if (accepted[p])
                for (int i = 0; i < k; i++) c[i * k + p] /= norm;
        }
        for (int p = 0; p < k; p++)
        {
            if (accepted[p]) continue;
            // The unit vector farthest from the span so far, orthogonalized twice (Gram–Schmidt's usual remedy).
            int best = 0;
            double bestNorm = -1;
            for (int e = 0; e < k; e++)
            {
                Complete(c, k, p, e, accepted);
                double norm = ColumnNorm(c, k, p);
                if (norm > bestNorm) (best, bestNorm) = (e, norm);
            }
            Complete(c, k, p, best, accepted);
            double length = ColumnNorm(c, k, p);
            for (int i = 0; i < k; i++) c[i * k + p] /= length;
            accepted[p] = true;
        }

        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++) sum = Math.FusedMultiplyAdd(c[a * k + p], v[b * k + p], sum);
                rotation[a * k + b] = sum;
            }
    }

    private static void Rotate(Span<double> m, int k, int p, int q, double cs, double sn)
    {
        for (int i = 0; i < k; i++)
        {
            double wp = m[i * k + p], wq = m[i * k + q];
            m[i * k + p] = cs * wp - sn * wq;
            m[i * k + q] = sn * wp + cs * wq;
        }
    }

    private static double ColumnNorm(Span<double> m, int k, int p)
    {
        double sum = 0;
        for (int i = 0; i < k; i++) sum = Math.FusedMultiplyAdd(m[i * k + p], m[i * k + p], sum);
        return Math.Sqrt(sum);
    }

    /// <summary>Column p ← unit vector e minus its projection on the accepted columns, twice.</summary>
    private static void Complete(Span<double> u, int k, int p, int e, ReadOnlySpan<bool> accepted)
    {
        for (int i = 0; i < k; i++) u[i * k + p] = i == e ? 1 : 0;
        for (int pass = 0; pass < 2; pass++)
            for (int other = 0; other < k; other++)
            {
                if (!accepted[other] || other == p) continue;
                double dot = 0;
                for (int i = 0; i < k; i++) dot = Math.FusedMultiplyAdd(u[i * k + other], u[i * k + p], dot);
                for (int i = 0; i < k; i++) u[i * k + p] = Math.FusedMultiplyAdd(-dot, u[i * k + other], u[i * k + p]);
            }
    }
}
