using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ravine.Problems;

/// <summary>
/// The arithmetic of the quadratic-sensing oracle over a range of measurements: Σᵢ rᵢ² and Σᵢ rᵢ(aᵢpᵢᵀ − bᵢqᵢᵀ) with
/// pᵢ = aᵢᵀX, qᵢ = bᵢᵀX, rᵢ = ‖pᵢ‖² − ‖qᵢ‖² − yᵢ. A, B are m×d and X, the gradient d×k, all row-major.
/// </summary>
/// <remarks>
/// <para>
/// The vector kernel (k a multiple of 4) takes four measurements at a time and X in column chunks of four, one Vector256
/// per row of a chunk. Per entry of A and B it does one broadcast and one FMA in the projection and again in the
/// update, and each load of an X row or store of a gradient row is shared by eight FMAs: without that sharing the
/// kernel is bound by loads and stores, not by the FMA units (docs/PERFORMANCE.md has the measurements). The four rows of A and B (6.4 kB at d = 100) stay in L1 between the projection and the
/// update, so A and B are streamed from memory once per call.
/// </para>
/// <para>
/// Every measurement's pᵢ, qᵢ is the same FMA chain over j whether it is taken alone or in a group of four, and the
/// sums run in a fixed order, so the same x and row range give bit-identical results.
/// </para>
/// <para>
/// For k a multiple of 8 a Vector512 path (<see cref="QuadraticSensingKernel512"/>) takes chunks of eight columns with
/// the same per-lane arithmetic, so it is bit-identical to this one; the scalar path (any k) rounds differently in
/// the last bits. <see cref="Resolve"/> picks the path.
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
            SensingKernelPath.Vector512 => QuadraticSensingKernel512.Accumulate(a, b, y, d, k, x, gradient),
            SensingKernelPath.Vector256 => AccumulateVector(a, b, y, d, k, x, gradient),
            _ => AccumulateScalar(a, b, y, d, k, x, gradient),
        };

    private static double AccumulateVector(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> y, int d, int k, ReadOnlySpan<double> x, Span<double> gradient)
    {
        int chunks = k / 4;
        // p of the four rows, then q of the four rows, per chunk; on the heap only for very wide factors.
        Span<Vector256<double>> pq = chunks <= 16 ? stackalloc Vector256<double>[8 * chunks] : new Vector256<double>[8 * chunks];
        Span<double> r = stackalloc double[4];
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double g = ref MemoryMarshal.GetReference(gradient);
        ref double aStart = ref MemoryMarshal.GetReference(a);
        ref double bStart = ref MemoryMarshal.GetReference(b);
        double sum = 0;
        int i = 0, end = y.Length;
        for (; i <= end - 4; i += 4)
        {
            ref double ai = ref Unsafe.Add(ref aStart, (nint)i * d);
            ref double bi = ref Unsafe.Add(ref bStart, (nint)i * d);
            for (int c = 0; c < chunks; c++)
                ProjectFour(ref ai, ref bi, ref Unsafe.Add(ref xr, 4 * c), d, k, pq.Slice(8 * c, 8));
            for (int t = 0; t < 4; t++)
            {
                double s = 0;
                for (int c = 0; c < chunks; c++) s += DifferenceOfSquares(pq[8 * c + t], pq[8 * c + 4 + t]);
                r[t] = s - y[i + t];
                sum = Math.FusedMultiplyAdd(r[t], r[t], sum);
            }
            for (int c = 0; c < chunks; c++)
            {
                var w = pq.Slice(8 * c, 8);
                UpdateFour(ref ai, ref bi, ref Unsafe.Add(ref g, 4 * c), d, k,
                    Vector256.Create(r[0]) * w[0], Vector256.Create(r[1]) * w[1], Vector256.Create(r[2]) * w[2], Vector256.Create(r[3]) * w[3],
                    Vector256.Create(-r[0]) * w[4], Vector256.Create(-r[1]) * w[5], Vector256.Create(-r[2]) * w[6], Vector256.Create(-r[3]) * w[7]);
            }
        }
        for (; i < end; i++)
        {
            ref double ai = ref Unsafe.Add(ref aStart, (nint)i * d);
            ref double bi = ref Unsafe.Add(ref bStart, (nint)i * d);
            double s = 0;
            for (int c = 0; c < chunks; c++)
            {
                var (p, q) = ProjectOne(ref ai, ref bi, ref Unsafe.Add(ref xr, 4 * c), d, k);
                pq[2 * c] = p;
                pq[2 * c + 1] = q;
                s += DifferenceOfSquares(p, q);
            }
            double ri = s - y[i];
            sum = Math.FusedMultiplyAdd(ri, ri, sum);
            for (int c = 0; c < chunks; c++)
                UpdateOne(ref ai, ref bi, ref Unsafe.Add(ref g, 4 * c), d, k, Vector256.Create(ri) * pq[2 * c], Vector256.Create(-ri) * pq[2 * c + 1]);
        }
        return sum;
    }

    /// <summary>‖p‖² − ‖q‖² over one chunk, lanes added in a fixed order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double DifferenceOfSquares(Vector256<double> p, Vector256<double> q)
    {
        var s = p * p - q * q;
        return (s.GetElement(0) + s.GetElement(1)) + (s.GetElement(2) + s.GetElement(3));
    }

    /// <summary>Four rows' p and q on one column chunk: eight independent FMA chains, enough to hide the FMA latency.</summary>
    private static void ProjectFour(ref double ai, ref double bi, ref double xc, int d, int k, Span<Vector256<double>> result)
    {
        Vector256<double> p0 = default, p1 = default, p2 = default, p3 = default;
        Vector256<double> q0 = default, q1 = default, q2 = default, q3 = default;
        for (int j = 0; j < d; j++)
        {
            var xj = Vector256.LoadUnsafe(ref xc, (nuint)(j * k));
            p0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ai, j)), xj, p0);
            q0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref bi, j)), xj, q0);
            p1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ai, d + j)), xj, p1);
            q1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref bi, d + j)), xj, q1);
            p2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ai, 2 * d + j)), xj, p2);
            q2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref bi, 2 * d + j)), xj, q2);
            p3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ai, 3 * d + j)), xj, p3);
            q3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref bi, 3 * d + j)), xj, q3);
        }
        result[0] = p0; result[1] = p1; result[2] = p2; result[3] = p3;
        result[4] = q0; result[5] = q1; result[6] = q2; result[7] = q3;
    }

    /// <summary>
    /// Adds four rows' rᵢ(aᵢpᵢᵀ − bᵢqᵢᵀ) to one column chunk of the gradient: one load and one store per gradient row,
    /// the a-terms and b-terms in two chains so the dependent FMAs per row are five, not eight.
    /// </summary>
    private static void UpdateFour(ref double ai, ref double bi, ref double gc, int d, int k,
        Vector256<double> rp0, Vector256<double> rp1, Vector256<double> rp2, Vector256<double> rp3,
        Vector256<double> rq0, Vector256<double> rq1, Vector256<double> rq2, Vector256<double> rq3)
    {
        for (int j = 0; j < d; j++)
        {
            ref double gj = ref Unsafe.Add(ref gc, j * k);
            var u = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ai, j)), rp0, Vector256.LoadUnsafe(ref gj));
            var v = Vector256.Create(Unsafe.Add(ref bi, j)) * rq0;
            u = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ai, d + j)), rp1, u);
            v = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref bi, d + j)), rq1, v);
            u = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ai, 2 * d + j)), rp2, u);
            v = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref bi, 2 * d + j)), rq2, v);
            u = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ai, 3 * d + j)), rp3, u);
            v = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref bi, 3 * d + j)), rq3, v);
            (u + v).StoreUnsafe(ref gj);
        }
    }

    /// <summary>One row's p and q on one column chunk: the same FMA chain over j as <see cref="ProjectFour"/>.</summary>
    private static (Vector256<double> P, Vector256<double> Q) ProjectOne(ref double ai, ref double bi, ref double xc, int d, int k)
    {
        Vector256<double> p = default, q = default;
        for (int j = 0; j < d; j++)
        {
            var xj = Vector256.LoadUnsafe(ref xc, (nuint)(j * k));
            p = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ai, j)), xj, p);
            q = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref bi, j)), xj, q);
        }
        return (p, q);
    }

    private static void UpdateOne(ref double ai, ref double bi, ref double gc, int d, int k, Vector256<double> rp, Vector256<double> rq)
    {
        for (int j = 0; j < d; j++)
        {
            ref double gj = ref Unsafe.Add(ref gc, j * k);
            var u = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ai, j)), rp, Vector256.LoadUnsafe(ref gj));
            Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref bi, j)), rq, u).StoreUnsafe(ref gj);
        }
    }

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
