using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ravine.Problems;

/// <summary>
/// The vector paths of <see cref="QuadraticSensingKernel"/>, one generic kernel for both widths: the type argument <c>TLanes</c>
/// is <see cref="Lanes256"/> (k a multiple of 4) or <see cref="Lanes512"/> (k a multiple of 8), and X and the gradient
/// are taken in column chunks of <c>TLanes.Count</c>, one vector per row of a chunk.
/// </summary>
/// <remarks>
/// <para>
/// Four measurements are taken at a time. Per entry of A and B the kernel does one broadcast and one FMA in the
/// projection and again in the update, and each load of an X row or store of a gradient row is shared by eight FMAs:
/// without that sharing the kernel is bound by loads and stores, not by the FMA units (docs/PERFORMANCE.md has the
/// measurements). The four rows of A and B (6.4 kB at d = 100) stay in L1 between the projection and the update, so A
/// and B are streamed from memory once per call.
/// </para>
/// <para>
/// Every lane does the same arithmetic at either width — the same FMA chain over j for pᵢ and qᵢ whether a row is taken
/// alone or in a group of four, the same two chains in the gradient update, and ‖pᵢ‖² − ‖qᵢ‖² added in the order
/// <see cref="IVectorLanes{TVector}.AddDifferenceOfSquares"/> fixes — so the two widths give bit-identical results, and
/// the same x and row range give the same bits on every call.
/// </para>
/// </remarks>
internal static class QuadraticSensingVectorKernel
{
    /// <summary>See <see cref="QuadraticSensingKernel.Accumulate"/>; k must be a multiple of <c>TLanes.Count</c>.</summary>
    public static double Accumulate<TVector, TLanes>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> y, int d, int k,
        ReadOnlySpan<double> x, Span<double> gradient)
        where TVector : unmanaged
        where TLanes : struct, IVectorLanes<TVector>
    {
        int width = TLanes.Count, chunks = k / width;
        // p of the four rows, then q of the four rows, per chunk: 4 kB on the stack, on the heap only for very wide factors.
        Span<TVector> pq = k <= 64 ? stackalloc TVector[8 * chunks] : new TVector[8 * chunks];
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
                ProjectFour<TVector, TLanes>(ref ai, ref bi, ref Unsafe.Add(ref xr, width * c), d, k, pq.Slice(8 * c, 8));
            for (int t = 0; t < 4; t++)
            {
                double s = 0;
                for (int c = 0; c < chunks; c++) s = TLanes.AddDifferenceOfSquares(s, pq[8 * c + t], pq[8 * c + 4 + t]);
                r[t] = s - y[i + t];
                sum = Math.FusedMultiplyAdd(r[t], r[t], sum);
            }
            for (int c = 0; c < chunks; c++)
            {
                var w = pq.Slice(8 * c, 8);
                UpdateFour<TVector, TLanes>(ref ai, ref bi, ref Unsafe.Add(ref g, width * c), d, k,
                    Scaled<TVector, TLanes>(r[0], w[0]), Scaled<TVector, TLanes>(r[1], w[1]), Scaled<TVector, TLanes>(r[2], w[2]), Scaled<TVector, TLanes>(r[3], w[3]),
                    Scaled<TVector, TLanes>(-r[0], w[4]), Scaled<TVector, TLanes>(-r[1], w[5]), Scaled<TVector, TLanes>(-r[2], w[6]), Scaled<TVector, TLanes>(-r[3], w[7]));
            }
        }
        for (; i < end; i++)
        {
            ref double ai = ref Unsafe.Add(ref aStart, (nint)i * d);
            ref double bi = ref Unsafe.Add(ref bStart, (nint)i * d);
            double s = 0;
            for (int c = 0; c < chunks; c++)
            {
                ProjectOne<TVector, TLanes>(ref ai, ref bi, ref Unsafe.Add(ref xr, width * c), d, k, out pq[2 * c], out pq[2 * c + 1]);
                s = TLanes.AddDifferenceOfSquares(s, pq[2 * c], pq[2 * c + 1]);
            }
            double ri = s - y[i];
            sum = Math.FusedMultiplyAdd(ri, ri, sum);
            for (int c = 0; c < chunks; c++)
                UpdateOne<TVector, TLanes>(ref ai, ref bi, ref Unsafe.Add(ref g, width * c), d, k,
                    Scaled<TVector, TLanes>(ri, pq[2 * c]), Scaled<TVector, TLanes>(-ri, pq[2 * c + 1]));
        }
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Scaled<TVector, TLanes>(double factor, TVector v)
        where TVector : unmanaged
        where TLanes : struct, IVectorLanes<TVector> =>
        TLanes.Multiply(TLanes.Broadcast(factor), v);

    /// <summary>row[offset] · v + acc, one FMA with the entry broadcast.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector MultiplyAdd<TVector, TLanes>(ref double row, int offset, TVector v, TVector acc)
        where TVector : unmanaged
        where TLanes : struct, IVectorLanes<TVector> =>
        TLanes.FusedMultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref row, offset)), v, acc);

    /// <summary>Four rows' p and q on one column chunk: eight independent FMA chains, enough to hide the FMA latency.</summary>
    private static void ProjectFour<TVector, TLanes>(ref double ai, ref double bi, ref double xc, int d, int k, Span<TVector> result)
        where TVector : unmanaged
        where TLanes : struct, IVectorLanes<TVector>
    {
        TVector p0 = default, p1 = default, p2 = default, p3 = default;
        TVector q0 = default, q1 = default, q2 = default, q3 = default;
        for (int j = 0; j < d; j++)
        {
            var xj = TLanes.Load(ref xc, (nuint)(j * k));
            p0 = MultiplyAdd<TVector, TLanes>(ref ai, j, xj, p0);
            q0 = MultiplyAdd<TVector, TLanes>(ref bi, j, xj, q0);
            p1 = MultiplyAdd<TVector, TLanes>(ref ai, d + j, xj, p1);
            q1 = MultiplyAdd<TVector, TLanes>(ref bi, d + j, xj, q1);
            p2 = MultiplyAdd<TVector, TLanes>(ref ai, 2 * d + j, xj, p2);
            q2 = MultiplyAdd<TVector, TLanes>(ref bi, 2 * d + j, xj, q2);
            p3 = MultiplyAdd<TVector, TLanes>(ref ai, 3 * d + j, xj, p3);
            q3 = MultiplyAdd<TVector, TLanes>(ref bi, 3 * d + j, xj, q3);
        }
        result[0] = p0; result[1] = p1; result[2] = p2; result[3] = p3;
        result[4] = q0; result[5] = q1; result[6] = q2; result[7] = q3;
    }

    /// <summary>
    /// Adds four rows' rᵢ(aᵢpᵢᵀ − bᵢqᵢᵀ) to one column chunk of the gradient: one load and one store per gradient row,
    /// the a-terms and b-terms in two chains so the dependent FMAs per row are five, not eight.
    /// </summary>
    private static void UpdateFour<TVector, TLanes>(ref double ai, ref double bi, ref double gc, int d, int k,
        TVector rp0, TVector rp1, TVector rp2, TVector rp3, TVector rq0, TVector rq1, TVector rq2, TVector rq3)
        where TVector : unmanaged
        where TLanes : struct, IVectorLanes<TVector>
    {
        for (int j = 0; j < d; j++)
        {
            ref double gj = ref Unsafe.Add(ref gc, j * k);
            ref double aj = ref Unsafe.Add(ref ai, j);
            ref double bj = ref Unsafe.Add(ref bi, j);
            var u = MultiplyAdd<TVector, TLanes>(ref aj, 0, rp0, TLanes.Load(ref gj, 0));
            var v = TLanes.Multiply(TLanes.Broadcast(bj), rq0);
            u = MultiplyAdd<TVector, TLanes>(ref aj, d, rp1, u);
            v = MultiplyAdd<TVector, TLanes>(ref bj, d, rq1, v);
            u = MultiplyAdd<TVector, TLanes>(ref aj, 2 * d, rp2, u);
            v = MultiplyAdd<TVector, TLanes>(ref bj, 2 * d, rq2, v);
            u = MultiplyAdd<TVector, TLanes>(ref aj, 3 * d, rp3, u);
            v = MultiplyAdd<TVector, TLanes>(ref bj, 3 * d, rq3, v);
            TLanes.Store(TLanes.Add(u, v), ref gj);
        }
    }

    /// <summary>One row's p and q on one column chunk: the same FMA chain over j as <see cref="ProjectFour"/>.</summary>
    private static void ProjectOne<TVector, TLanes>(ref double ai, ref double bi, ref double xc, int d, int k, out TVector p, out TVector q)
        where TVector : unmanaged
        where TLanes : struct, IVectorLanes<TVector>
    {
        TVector pj = default, qj = default;
        for (int j = 0; j < d; j++)
        {
            var xj = TLanes.Load(ref xc, (nuint)(j * k));
            pj = MultiplyAdd<TVector, TLanes>(ref ai, j, xj, pj);
            qj = MultiplyAdd<TVector, TLanes>(ref bi, j, xj, qj);
        }
        p = pj;
        q = qj;
    }

    private static void UpdateOne<TVector, TLanes>(ref double ai, ref double bi, ref double gc, int d, int k, TVector rp, TVector rq)
        where TVector : unmanaged
        where TLanes : struct, IVectorLanes<TVector>
    {
        for (int j = 0; j < d; j++)
        {
            ref double gj = ref Unsafe.Add(ref gc, j * k);
            var u = MultiplyAdd<TVector, TLanes>(ref ai, j, rp, TLanes.Load(ref gj, 0));
            TLanes.Store(MultiplyAdd<TVector, TLanes>(ref bi, j, rq, u), ref gj);
        }
    }
}
