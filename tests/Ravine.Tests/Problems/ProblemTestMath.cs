using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MathNet.Numerics.LinearAlgebra;
using Ravine.Objectives;
using Ravine.Randomness;

namespace Ravine.Tests.Problems;

/// <summary>
/// What the problem tests share: f and ∇f at a point, the comparison with a reference oracle, the allocation count
/// of repeated oracle calls, the pinned hash of an instance, and row-major d×k matrices for the low-rank problems
/// (random orthogonal rotations and X·R).
/// </summary>
internal static class ProblemTestMath
{
    public static double Value(IObjective problem, double[] x) => problem.Evaluate(x, new double[x.Length]);

    public static double[] Gradient(IObjective problem, double[] x)
    {
        var g = new double[x.Length];
        problem.Evaluate(x, g);
        return g;
    }

    /// <summary>
    /// f(x) within 1e-12 of <paramref name="reference"/>'s value relative to it, and each ∂ within 1e-12 of the
    /// largest reference ∂: the oracle's summation order may differ from the reference's, its arithmetic may not.
    /// </summary>
    public static void AssertMatchesReference(IObjective problem, double[] x, Func<double[], double[], double> reference)
    {
        var g = new double[x.Length];
        var expected = new double[x.Length];
        double f = problem.Evaluate(x, g);
        double value = reference(x, expected);
        Assert.Equal(value, f, value * 1e-12);
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < g.Length; i++)
            Assert.True(Math.Abs(g[i] - expected[i]) <= 1e-12 * scale, $"∂{i}: {g[i]} vs {expected[i]}");
    }

    /// <summary>The bytes allocated on this thread by <paramref name="calls"/> oracle calls at x, once warm (<see cref="Optimization.AllocationMeasurement.AllocatedBy"/>).</summary>
    public static long AllocatedBytesOfEvaluations(IObjective problem, double[] x, int calls)
    {
        var g = new double[x.Length];
        return Optimization.AllocationMeasurement.AllocatedBy(() =>
        {
            for (int i = 0; i < calls; i++) problem.Evaluate(x, g);
        });
    }

    /// <summary>The SHA-256, in upper-case hex, of the little-endian bytes of the values: an instance's pin.</summary>
    public static string Sha256Hex(double[] values) =>
        Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes<double>(values)));

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
