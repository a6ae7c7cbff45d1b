using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ravine.Problems;

/// <summary>
/// The Vector512 path of <see cref="QuadraticSensingKernel"/> for k a multiple of 8: a row of an eight-column chunk of
/// X is one Vector512, so each broadcast entry of A or B feeds eight columns per FMA instead of four.
/// </summary>
/// <remarks>
/// Every lane does exactly the arithmetic of the Vector256 path — the same FMA chain over j for pᵢ and qᵢ, the same
/// two chains in the gradient update, and ‖pᵢ‖² − ‖qᵢ‖² added four lanes at a time, ((s₀ + s₁) + (s₂ + s₃)), then
/// chunk after chunk of four from 0 — so the two paths give bit-identical results, on any processor (tests force both).
/// </remarks>
internal static class QuadraticSensingKernel512
{
    /// <summary>See <see cref="QuadraticSensingKernel.Accumulate"/>; k must be a multiple of 8.</summary>
    public static double Accumulate(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> y, int d, int k, ReadOnlySpan<double> x, Span<double> gradient)
    {
        int chunks = k / 8;
        // p of the four rows, then q of the four rows, per chunk; on the heap only for very wide factors.
        Span<Vector512<double>> pq = chunks <= 8 ? stackalloc Vector512<double>[8 * chunks] : new Vector512<double>[8 * chunks];
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
                ProjectFour(ref ai, ref bi, ref Unsafe.Add(ref xr, 8 * c), d, k, pq.Slice(8 * c, 8));
            for (int t = 0; t < 4; t++)
            {
                double s = 0;
                for (int c = 0; c < chunks; c++) s = AddDifferenceOfSquares(s, pq[8 * c + t], pq[8 * c + 4 + t]);
                r[t] = s - y[i + t];
                sum = Math.FusedMultiplyAdd(r[t], r[t], sum);
            }
            for (int c = 0; c < chunks; c++)
            {
                var w = pq.Slice(8 * c, 8);
                UpdateFour(ref ai, ref bi, ref Unsafe.Add(ref g, 8 * c), d, k,
                    Vector512.Create(r[0]) * w[0], Vector512.Create(r[1]) * w[1], Vector512.Create(r[2]) * w[2], Vector512.Create(r[3]) * w[3],
                    Vector512.Create(-r[0]) * w[4], Vector512.Create(-r[1]) * w[5], Vector512.Create(-r[2]) * w[6], Vector512.Create(-r[3]) * w[7]);
            }
        }
        for (; i < end; i++)
        {
            ref double ai = ref Unsafe.Add(ref aStart, (nint)i * d);
            ref double bi = ref Unsafe.Add(ref bStart, (nint)i * d);
            double s = 0;
            for (int c = 0; c < chunks; c++)
            {
                var (p, q) = ProjectOne(ref ai, ref bi, ref Unsafe.Add(ref xr, 8 * c), d, k);
                pq[2 * c] = p;
                pq[2 * c + 1] = q;
                s = AddDifferenceOfSquares(s, p, q);
            }
            double ri = s - y[i];
            sum = Math.FusedMultiplyAdd(ri, ri, sum);
            for (int c = 0; c < chunks; c++)
                UpdateOne(ref ai, ref bi, ref Unsafe.Add(ref g, 8 * c), d, k, Vector512.Create(ri) * pq[2 * c], Vector512.Create(-ri) * pq[2 * c + 1]);
        }
        return sum;
    }

    /// <summary><paramref name="s"/> plus ‖p‖² − ‖q‖² as the Vector256 path adds it: the lower four lanes, then the upper four.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double AddDifferenceOfSquares(double s, Vector512<double> p, Vector512<double> q)
    {
        s += QuadraticSensingKernel.DifferenceOfSquares(p.GetLower(), q.GetLower());
        return s + QuadraticSensingKernel.DifferenceOfSquares(p.GetUpper(), q.GetUpper());
    }

    private static void ProjectFour(ref double ai, ref double bi, ref double xc, int d, int k, Span<Vector512<double>> result)
    {
        Vector512<double> p0 = default, p1 = default, p2 = default, p3 = default;
        Vector512<double> q0 = default, q1 = default, q2 = default, q3 = default;
        for (int j = 0; j < d; j++)
        {
            var xj = Vector512.LoadUnsafe(ref xc, (nuint)(j * k));
            p0 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ai, j)), xj, p0);
            q0 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref bi, j)), xj, q0);
            p1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ai, d + j)), xj, p1);
            q1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref bi, d + j)), xj, q1);
            p2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ai, 2 * d + j)), xj, p2);
            q2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref bi, 2 * d + j)), xj, q2);
            p3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ai, 3 * d + j)), xj, p3);
            q3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref bi, 3 * d + j)), xj, q3);
        }
        result[0] = p0; result[1] = p1; result[2] = p2; result[3] = p3;
        result[4] = q0; result[5] = q1; result[6] = q2; result[7] = q3;
    }

    private static void UpdateFour(ref double ai, ref double bi, ref double gc, int d, int k,
        Vector512<double> rp0, Vector512<double> rp1, Vector512<double> rp2, Vector512<double> rp3,
        Vector512<double> rq0, Vector512<double> rq1, Vector512<double> rq2, Vector512<double> rq3)
    {
        for (int j = 0; j < d; j++)
        {
            ref double gj = ref Unsafe.Add(ref gc, j * k);
            var u = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ai, j)), rp0, Vector512.LoadUnsafe(ref gj));
            var v = Vector512.Create(Unsafe.Add(ref bi, j)) * rq0;
            u = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ai, d + j)), rp1, u);
            v = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref bi, d + j)), rq1, v);
            u = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ai, 2 * d + j)), rp2, u);
            v = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref bi, 2 * d + j)), rq2, v);
            u = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ai, 3 * d + j)), rp3, u);
            v = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref bi, 3 * d + j)), rq3, v);
            (u + v).StoreUnsafe(ref gj);
        }
    }

    private static (Vector512<double> P, Vector512<double> Q) ProjectOne(ref double ai, ref double bi, ref double xc, int d, int k)
    {
        Vector512<double> p = default, q = default;
        for (int j = 0; j < d; j++)
        {
            var xj = Vector512.LoadUnsafe(ref xc, (nuint)(j * k));
            p = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ai, j)), xj, p);
            q = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref bi, j)), xj, q);
        }
        return (p, q);
    }

    private static void UpdateOne(ref double ai, ref double bi, ref double gc, int d, int k, Vector512<double> rp, Vector512<double> rq)
    {
        for (int j = 0; j < d; j++)
        {
            ref double gj = ref Unsafe.Add(ref gc, j * k);
            var u = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ai, j)), rp, Vector512.LoadUnsafe(ref gj));
            Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref bi, j)), rq, u).StoreUnsafe(ref gj);
        }
    }
}
