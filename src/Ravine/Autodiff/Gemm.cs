using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ravine.Autodiff;

/// <summary>
/// C ← op(A)·op(B) or C ← C + op(A)·op(B) for dense row-major matrices, where op is the identity or the transpose:
/// the product behind the tape's matrix products and convolutions. Deterministic for any thread count.
/// </summary>
/// <remarks>
/// <para>
/// Every entry of C is one FMA chain over k = 0, 1, …, K − 1, starting from 0 (or from C's old value when
/// accumulating). The chain is cut into blocks of k only to keep the operands in cache: the partial sum is stored and
/// reloaded between blocks, which does not round. Threads take whole tiles of C (fixed rows × eight columns), so where
/// a tile runs never changes its bits, and 1 and 2 threads give the same C.
/// </para>
/// <para>
/// op(B) is packed into panels of eight columns, k-major and zero-padded, so the 4×8 kernel reads it contiguously
/// with two loads and four broadcasts of A per eight FMAs; a transposed A is copied to row-major first. The packed
/// copies come from the shared array pool, so a product allocates nothing once the pool holds buffers of its size
/// (a product on more than one thread also allocates the task library's few objects per call).
/// </para>
/// </remarks>
public static class Gemm
{
    private const int TileRows = 32, PanelWidth = 8, DepthBlock = 256;

    /// <summary>The multiply-add count below which a product runs on the calling thread alone.</summary>
    private const long ParallelThreshold = 1 << 17;

    /// <summary>
    /// C (m×n) ← op(A)·op(B), or C + op(A)·op(B) when <paramref name="accumulate"/>; op(A) is m×k and op(B) is k×n.
    /// </summary>
    /// <param name="a">A, stored m×k, or k×m when <paramref name="transposeA"/>.</param>
    /// <param name="transposeA">Whether op(A) = Aᵀ.</param>
    /// <param name="b">B, stored k×n, or n×k when <paramref name="transposeB"/>.</param>
    /// <param name="transposeB">Whether op(B) = Bᵀ.</param>
    /// <param name="c">C, m×n.</param>
    /// <param name="m">Rows of C.</param>
    /// <param name="k">The inner dimension.</param>
    /// <param name="n">Columns of C.</param>
    /// <param name="accumulate">Whether to add to C's content instead of overwriting it.</param>
    /// <param name="threads">The most threads to use (≥ 1); the result does not depend on it.</param>
    public static void Multiply(ReadOnlySpan<double> a, bool transposeA, ReadOnlySpan<double> b, bool transposeB, Span<double> c,
        int m, int k, int n, bool accumulate = false, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n)
            throw new ArgumentException($"a {m}×{k} by {k}×{n} product needs spans of {(long)m * k}, {(long)k * n} and {(long)m * n} entries; got {a.Length}, {b.Length} and {c.Length}.");
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (!accumulate) c[..(m * n)].Clear();
            return;
        }
        int panels = (n + PanelWidth - 1) / PanelWidth;
        double[] packedB = ArrayPool<double>.Shared.Rent(panels * k * PanelWidth);
        double[]? rowMajorA = transposeA ? ArrayPool<double>.Shared.Rent(m * k) : null;
        try
        {
            Pack(b, transposeB, packedB, k, n, panels);
            if (rowMajorA is not null) Transpose(a, rowMajorA, k, m);
            ReadOnlySpan<double> aRows = rowMajorA ?? a;
            int tiles = (m + TileRows - 1) / TileRows * panels;
            unsafe
            {
                fixed (double* pa = aRows, pb = packedB, pc = c)
                {
                    var job = new Tiles(pa, pb, pc, m, k, n, panels, accumulate);
                    if (threads == 1 || tiles == 1 || (long)m * n * k < ParallelThreshold)
                        for (int t = 0; t < tiles; t++) job.Run(t);
                    else
                        Parallel.For(0, tiles, new ParallelOptions { MaxDegreeOfParallelism = threads }, job.Run);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(packedB);
            if (rowMajorA is not null) ArrayPool<double>.Shared.Return(rowMajorA);
        }
    }

    /// <summary>The product FLOPs: 2·m·k·n (a multiply and an add per term).</summary>
    public static long Flops(int m, int k, int n) => 2L * m * k * n;

    /// <summary>op(B) into panels of eight columns: panel p holds rows k = 0…K−1 of columns 8p…8p+7, zero past n.</summary>
    private static void Pack(ReadOnlySpan<double> b, bool transposeB, Span<double> packed, int k, int n, int panels)
    {
        for (int p = 0; p < panels; p++)
        {
            Span<double> panel = packed.Slice(p * k * PanelWidth, k * PanelWidth);
            int first = p * PanelWidth, width = Math.Min(PanelWidth, n - first);
            if (width < PanelWidth) panel.Clear();
            if (!transposeB)
            {
                for (int kk = 0; kk < k; kk++)
                    b.Slice(kk * n + first, width).CopyTo(panel.Slice(kk * PanelWidth, width));
            }
            else
            {
                for (int j = 0; j < width; j++)
                {
                    ReadOnlySpan<double> column = b.Slice((first + j) * k, k);
                    for (int kk = 0; kk < k; kk++) panel[kk * PanelWidth + j] = column[kk];
                }
            }
        }
    }

    /// <summary>The rows×cols matrix <paramref name="source"/> into <paramref name="target"/> as cols×rows.</summary>
    private static void Transpose(ReadOnlySpan<double> source, Span<double> target, int rows, int cols)
    {
        const int Block = 32;
        for (int i0 = 0; i0 < rows; i0 += Block)
            for (int j0 = 0; j0 < cols; j0 += Block)
            {
                int i1 = Math.Min(rows, i0 + Block), j1 = Math.Min(cols, j0 + Block);
                for (int i = i0; i < i1; i++)
                    for (int j = j0; j < j1; j++)
                        target[j * rows + i] = source[i * cols + j];
            }
    }

    /// <summary>One product cut into tiles of <see cref="TileRows"/> rows by one panel, each computed whole by one thread.</summary>
    private readonly unsafe struct Tiles(double* a, double* packedB, double* c, int m, int k, int n, int panels, bool accumulate)
    {
        public void Run(int tile)
        {
            int rowTile = tile / panels, panel = tile % panels;
            int first = rowTile * TileRows, last = Math.Min(m, first + TileRows);
            int column = panel * PanelWidth, width = Math.Min(PanelWidth, n - column);
            double* b = packedB + (nint)panel * k * PanelWidth;
            // A partial panel goes through eight-wide scratch rows, so the kernel is the same for every column.
            double* scratch = stackalloc double[4 * PanelWidth];
            for (int k0 = 0; k0 < k; k0 += DepthBlock)
            {
                int depth = Math.Min(DepthBlock, k - k0);
                bool fromZero = k0 == 0 && !accumulate;
                int i = first;
                for (; i < last; i += 4)
                {
                    int rows = Math.Min(4, last - i);
                    double* ci = c + (nint)i * n + column;
                    bool direct = width == PanelWidth && rows == 4;
                    double* target = direct ? ci : scratch;
                    int stride = direct ? n : PanelWidth;
                    if (!direct)
                    {
                        for (int r = 0; r < 4; r++)
                            for (int j = 0; j < PanelWidth; j++)
                                scratch[r * PanelWidth + j] = r < rows && j < width && !fromZero ? ci[(nint)r * n + j] : 0;
                    }
                    double* ai = a + (nint)i * k + k0;
                    if (rows == 4) FourByEight(ai, k, b + (nint)k0 * PanelWidth, target, stride, depth, fromZero && direct);
                    else
                        for (int r = 0; r < rows; r++)
                            OneByEight(ai + (nint)r * k, b + (nint)k0 * PanelWidth, target + r * PanelWidth, depth, false);
                    if (!direct)
                        for (int r = 0; r < rows; r++)
                            for (int j = 0; j < width; j++)
                                ci[(nint)r * n + j] = scratch[r * PanelWidth + j];
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void FourByEight(double* a, int lda, double* b, double* c, int ldc, int depth, bool fromZero)
    {
        Vector256<double> c00, c01, c10, c11, c20, c21, c30, c31;
        if (fromZero)
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector256<double>.Zero;
        }
        else
        {
            c00 = Vector256.Load(c); c01 = Vector256.Load(c + 4);
            c10 = Vector256.Load(c + ldc); c11 = Vector256.Load(c + ldc + 4);
            c20 = Vector256.Load(c + 2 * ldc); c21 = Vector256.Load(c + 2 * ldc + 4);
            c30 = Vector256.Load(c + 3 * ldc); c31 = Vector256.Load(c + 3 * ldc + 4);
        }
        double* a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda;
        for (int kk = 0; kk < depth; kk++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 4);
            b += PanelWidth;
            var x = Vector256.Create(a[kk]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a1[kk]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a2[kk]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a3[kk]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
        }
        c00.Store(c); c01.Store(c + 4);
        c10.Store(c + ldc); c11.Store(c + ldc + 4);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + 4);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void OneByEight(double* a, double* b, double* c, int depth, bool fromZero)
    {
        Vector256<double> c0 = fromZero ? Vector256<double>.Zero : Vector256.Load(c);
        Vector256<double> c1 = fromZero ? Vector256<double>.Zero : Vector256.Load(c + 4);
        for (int kk = 0; kk < depth; kk++)
        {
            var x = Vector256.Create(a[kk]);
            c0 = Vector256.FusedMultiplyAdd(x, Vector256.Load(b), c0);
            c1 = Vector256.FusedMultiplyAdd(x, Vector256.Load(b + 4), c1);
            b += PanelWidth;
        }
        c0.Store(c); c1.Store(c + 4);
    }
}
