using MathNet.Numerics.LinearAlgebra;
using Ravine.Randomness;

namespace Ravine.Tests.Problems;

/// <summary>Row-major d×k matrices for the low-rank problem tests: random orthogonal rotations and X·R.</summary>
internal static class LowRankTestMatrices
{
    /// <summary>A random orthogonal k×k matrix: the Q of a QR of a Gaussian matrix.</summary>
    public static Matrix<double> RandomOrthogonal(Xoshiro256StarStar rng, int k) =>
        Matrix<double>.Build.DenseOfRowMajor(k, k, rng.NextGaussians(k * k)).QR().Q;

    /// <summary>X·R for X d×k row-major.</summary>
    public static double[] Rotate(double[] x, Matrix<double> rotation)
    {
        int k = rotation.RowCount, d = x.Length / k;
        return (Matrix<double>.Build.DenseOfRowMajor(d, k, x) * rotation).ToRowMajorArray();
    }

    public static double[] Add(double[] a, double[] b, double scale) => a.Zip(b, (u, v) => u + scale * v).ToArray();
}
