using System.Runtime.Intrinsics;

namespace Ravine.Problems;

/// <summary>
/// The arithmetic of the quadratic-sensing oracle over a range of measurements: Σᵢ rᵢ² and Σᵢ rᵢ(aᵢpᵢᵀ − bᵢqᵢᵀ) with
/// pᵢ = aᵢᵀX, qᵢ = bᵢᵀX, rᵢ = ‖pᵢ‖² − ‖qᵢ‖² − yᵢ. A, B are m×d and X, the gradient d×k, all row-major.
/// </summary>
/// <remarks>
/// <para>
/// For k a multiple of 4 the vector kernel (<see cref="QuadraticSensingVectorKernel"/>) takes four measurements at a
/// time and X in column chunks of four (Vector256) or eight (Vector512) columns; both widths do the same per-lane
/// arithmetic in a fixed order, so they are bit-identical to each other and the same x and row range give the same
/// bits on every call. The scalar path (any k) rounds differently in the last bits. <see cref="Resolve"/> picks the path.
/// </para>
/// </remarks>
internal static class QuadraticSensingKernel
{
    /// <summary>
    /// The path an instance asks for: <see cref="SensingKernelPath.Auto"/> unless the environment variable
    /// <c>RAVINE_SENSING_KERNEL</c> names one (<c>scalar</c>, <c>256</c>, <c>512</c>), which tests and benchmarks use to
    /// compare the paths on one machine.
    /// </summary>
    public static SensingKernelPath DefaultPath { get; } = Environment.GetEnvironmentVariable("RAVINE_SENSING_KERNEL")?.Trim() switch
    {
        "scalar" => SensingKernelPath.Scalar,
        "256" => SensingKernelPath.Vector256,
        "512" => SensingKernelPath.Vector512,
        _ => SensingKernelPath.Auto,
    };

    /// <summary>
    /// The path width <paramref name="k"/> takes: a forced path where it applies (a vector path needs k a multiple of
    /// its lane count; a forced Vector512 path runs, slowly, in software where the processor lacks AVX-512), else
    /// Vector512 when k is a multiple of 8 and the processor has it, Vector256 when k is a multiple of 4, scalar
    /// otherwise.
    /// </summary>
    public static SensingKernelPath Resolve(SensingKernelPath requested, int k) => requested switch
    {
        SensingKernelPath.Scalar => SensingKernelPath.Scalar,
        SensingKernelPath.Vector512 when k % 8 == 0 => SensingKernelPath.Vector512,
        SensingKernelPath.Vector512 or SensingKernelPath.Vector256 when k % 4 == 0 => SensingKernelPath.Vector256,
        SensingKernelPath.Auto when k % 8 == 0 && Vector512.IsHardwareAccelerated => SensingKernelPath.Vector512,
        SensingKernelPath.Auto when k % 4 == 0 && Vector256.IsHardwareAccelerated => SensingKernelPath.Vector256,
        _ => SensingKernelPath.Scalar,
    };

    /// <summary>
    /// Σᵢ rᵢ² over the rows given (<paramref name="y"/>.Length of them; <paramref name="a"/>, <paramref name="b"/> hold
    /// them row-major, d entries each), and the unscaled gradient added to <paramref name="gradient"/>.
    /// </summary>
    public static double Accumulate(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> y, int d, int k, ReadOnlySpan<double> x,
        Span<double> gradient, SensingKernelPath path = SensingKernelPath.Auto) =>
        Resolve(path, k) switch
        {
            SensingKernelPath.Vector512 => QuadraticSensingVectorKernel.Accumulate<Vector512<double>, Lanes512>(a, b, y, d, k, x, gradient),
            SensingKernelPath.Vector256 => QuadraticSensingVectorKernel.Accumulate<Vector256<double>, Lanes256>(a, b, y, d, k, x, gradient),
            _ => AccumulateScalar(a, b, y, d, k, x, gradient),
        };

    /// <summary>
    /// The same computation for any width k, one row at a time with pᵢ, qᵢ on the stack (or the heap when k is large).
    /// </summary>
    private static double AccumulateScalar(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> y, int d, int k, ReadOnlySpan<double> x,
        Span<double> gradient)
    {
        Span<double> pq = 2 * k <= 256 ? stackalloc double[2 * k] : new double[2 * k];
        Span<double> p = pq[..k], q = pq[k..];
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            ReadOnlySpan<double> ai = a.Slice(i * d, d), bi = b.Slice(i * d, d);
            pq.Clear();
            for (int j = 0; j < d; j++)
            {
                var xj = x.Slice(j * k, k);
                for (int c = 0; c < k; c++)
                {
                    p[c] = Math.FusedMultiplyAdd(ai[j], xj[c], p[c]);
                    q[c] = Math.FusedMultiplyAdd(bi[j], xj[c], q[c]);
                }
            }
            double squares = 0;
            for (int c = 0; c < k; c++) squares += p[c] * p[c] - q[c] * q[c];
            double r = squares - y[i];
            sum = Math.FusedMultiplyAdd(r, r, sum);
            for (int j = 0; j < d; j++)
            {
                var gj = gradient.Slice(j * k, k);
                for (int c = 0; c < k; c++)
                    gj[c] = Math.FusedMultiplyAdd(bi[j], -r * q[c], Math.FusedMultiplyAdd(ai[j], r * p[c], gj[c]));
            }
        }
        return sum;
    }
}
