using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ravine.Problems;

/// <summary>
/// C = A·B for dense row-major matrices (A is m×q, B is q×p, C is m×p): the one matrix product of the network
/// problems, written once. Every entry is a single FMA chain over k = 0, 1, …, q − 1 starting from 0, in the vector
/// kernel and in the scalar tail alike, so the result is bit-identical wherever an entry falls and on every run.
/// </summary>
/// <remarks>
/// The vector kernel takes four rows of A and eight columns of B (two Vector256) at a time: eight accumulators, and
/// per k two loads of B and four broadcasts of A for eight FMAs, so it is bound by the FMA units rather than by loads.
/// The row blocks are the outer loop: four rows of A stay in L1 while B, which is small in the network problems (a
/// weight matrix or a gradient block), is read from L2 once per row block.
/// </remarks>
internal static class RowMajorGemm
{
    /// <summary>Writes A·B into <paramref name="c"/> (its old content is ignored).</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int q, int p)
    {
        if (a.Length < (long)m * q || b.Length < (long)q * p || c.Length < (long)m * p)
            throw new ArgumentException($"A·B of {m}×{q} by {q}×{p} needs spans of {(long)m * q}, {(long)q * p} and {(long)m * p} entries; got {a.Length}, {b.Length} and {c.Length}.");
        ref double a0 = ref MemoryMarshal.GetReference(a);
        ref double b0 = ref MemoryMarshal.GetReference(b);
        ref double c0 = ref MemoryMarshal.GetReference(c);
        int vectorColumns = Vector256.IsHardwareAccelerated ? p - p % 8 : 0;
        int i = 0;
        for (; i <= m - 4; i += 4)
        {
            ref double ai = ref Unsafe.Add(ref a0, (nint)i * q);
            ref double ci = ref Unsafe.Add(ref c0, (nint)i * p);
            for (int col = 0; col < vectorColumns; col += 8)
                FourByEight(ref ai, ref Unsafe.Add(ref b0, col), ref Unsafe.Add(ref ci, col), q, p);
            for (int row = 0; row < 4; row++)
                for (int col = vectorColumns; col < p; col++)
                    Unsafe.Add(ref ci, (nint)row * p + col) = Dot(ref Unsafe.Add(ref ai, (nint)row * q), ref Unsafe.Add(ref b0, col), q, p);
        }
        for (; i < m; i++)
        {
            ref double ai = ref Unsafe.Add(ref a0, (nint)i * q);
            ref double ci = ref Unsafe.Add(ref c0, (nint)i * p);
            for (int col = 0; col < vectorColumns; col += 8)
                OneByEight(ref ai, ref Unsafe.Add(ref b0, col), ref Unsafe.Add(ref ci, col), q, p);
            for (int col = vectorColumns; col < p; col++)
                Unsafe.Add(ref ci, col) = Dot(ref ai, ref Unsafe.Add(ref b0, col), q, p);
        }
    }

    private static void FourByEight(ref double ai, ref double bc, ref double ci, int q, int p)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int k = 0; k < q; k++)
        {
            ref double bk = ref Unsafe.Add(ref bc, (nint)k * p);
            var b0 = Vector256.LoadUnsafe(ref bk);
            var b1 = Vector256.LoadUnsafe(ref bk, 4);
            var x = Vector256.Create(Unsafe.Add(ref ai, k));
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(Unsafe.Add(ref ai, q + k));
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(Unsafe.Add(ref ai, 2 * q + k));
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(Unsafe.Add(ref ai, 3 * q + k));
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
        }
        c00.StoreUnsafe(ref ci); c01.StoreUnsafe(ref ci, 4);
        c10.StoreUnsafe(ref ci, (nuint)p); c11.StoreUnsafe(ref ci, (nuint)p + 4);
        c20.StoreUnsafe(ref ci, 2 * (nuint)p); c21.StoreUnsafe(ref ci, 2 * (nuint)p + 4);
        c30.StoreUnsafe(ref ci, 3 * (nuint)p); c31.StoreUnsafe(ref ci, 3 * (nuint)p + 4);
    }

    private static void OneByEight(ref double ai, ref double bc, ref double ci, int q, int p)
    {
        Vector256<double> c0 = default, c1 = default;
        for (int k = 0; k < q; k++)
        {
            ref double bk = ref Unsafe.Add(ref bc, (nint)k * p);
            var x = Vector256.Create(Unsafe.Add(ref ai, k));
            c0 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bk), c0);
            c1 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bk, 4), c1);
        }
        c0.StoreUnsafe(ref ci); c1.StoreUnsafe(ref ci, 4);
    }

    /// <summary>One entry: row of A times column of B, the same FMA chain as the vector kernels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Dot(ref double ai, ref double bc, int q, int p)
    {
        double s = 0;
        for (int k = 0; k < q; k++)
            s = Math.FusedMultiplyAdd(Unsafe.Add(ref ai, k), Unsafe.Add(ref bc, (nint)k * p), s);
        return s;
    }
}
