using System.Numerics.Tensors;
using Ravine.Randomness;

namespace Ravine.Training;

/// <summary>
/// The Lanczos iteration with full reorthogonalization on a symmetric operator: k products give a k × k tridiagonal
/// matrix whose eigenvalues (Ritz values) approximate the operator's extreme eigenvalues first — the largest converge
/// within a few tens of steps — and whose eigenvectors' first components weight them into a quadrature of the spectral
/// density. It cannot resolve eigenvalues in the bulk or near zero one by one: there, a Ritz value stands for a
/// cluster, and its weight for the share of the spectrum the cluster holds.
/// </summary>
public static class Lanczos
{
    /// <summary>Runs <paramref name="steps"/> Lanczos steps of <paramref name="operator"/> on ℝ^<paramref name="dimension"/> from a seeded Gaussian start.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one step or dimension.</exception>
    public static LanczosResult Run(LinearOperator @operator, int dimension, int steps, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(@operator);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        steps = Math.Min(steps, dimension);
        var basis = new double[steps][];
        var alpha = new double[steps];
        var beta = new double[steps];
        var w = new double[dimension];
        basis[0] = new Xoshiro256StarStar(seed).NextGaussians(dimension);
        TensorPrimitives.Divide(basis[0], TensorPrimitives.Norm(basis[0]), basis[0]);
        int m = 0;
        for (int j = 0; j < steps; j++)
        {
            m = j + 1;
            @operator(basis[j], w);
            alpha[j] = TensorPrimitives.Dot(basis[j], w);
            // Full reorthogonalization, twice ("twice is enough", Parlett): plain Lanczos loses orthogonality as soon
            // as a Ritz value converges and then repeats it, which would count the top eigenvalue several times.
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i <= j; i++)
                    TensorPrimitives.MultiplyAdd(basis[i], -TensorPrimitives.Dot(basis[i], w), w, w);
            if (j + 1 == steps) break;
            beta[j] = TensorPrimitives.Norm(w);
            double scale = Math.Abs(alpha[j]) + (j > 0 ? beta[j - 1] : 0);
            if (!(beta[j] > 1e-12 * Math.Max(scale, double.Epsilon))) break;  // an invariant subspace: the Ritz values are exact
            basis[j + 1] = new double[dimension];
            TensorPrimitives.Divide(w, beta[j], basis[j + 1]);
        }
        return Tridiagonal(alpha.AsSpan(0, m), beta.AsSpan(0, Math.Max(m - 1, 0)));
    }

    /// <summary>The eigenvalues (largest first) and first-component weights of the symmetric tridiagonal matrix with diagonal α and off-diagonal β.</summary>
    internal static LanczosResult Tridiagonal(ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta)
    {
        int m = alpha.Length;
        var a = new double[m, m];
        var v = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            a[i, i] = alpha[i];
            v[i, i] = 1;
            if (i + 1 < m) a[i, i + 1] = a[i + 1, i] = beta[i];
        }
        JacobiEigen(a, v);
        var order = Enumerable.Range(0, m).OrderByDescending(i => a[i, i]).ToArray();
        return new LanczosResult(order.Select(i => a[i, i]).ToArray(), order.Select(i => v[0, i] * v[0, i]).ToArray());
    }

    // Cyclic Jacobi rotations: for the few tens of rows Lanczos makes, simple and accurate to rounding (no library needed).
    private static void JacobiEigen(double[,] a, double[,] v)
    {
        int m = a.GetLength(0);
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, total = 0;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++)
                {
                    total += a[i, j] * a[i, j];
                    if (i != j) off += a[i, j] * a[i, j];
                }
            if (off <= 1e-30 * total) return;
            for (int p = 0; p < m - 1; p++)
                for (int q = p + 1; q < m; q++)
                {
                    if (a[p, q] == 0) continue;
                    double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < m; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < m; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < m; k++)
                    {
                        double vkp = v[k, p], vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
        }
    }
}
