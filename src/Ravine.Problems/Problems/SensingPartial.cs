using System.Buffers;
using System.Numerics.Tensors;

namespace Ravine.Problems;

/// <summary>
/// The unscaled quadratic-sensing sums over a <see cref="SensingRows"/>: Σᵢ rᵢ² and Σᵢ rᵢ(aᵢpᵢᵀ − bᵢqᵢᵀ) with
/// pᵢ = aᵢᵀX, qᵢ = bᵢᵀX, rᵢ = ‖pᵢ‖² − ‖qᵢ‖² − yᵢ. <see cref="QuadraticSensing"/> scales them into f = (1/m)Σrᵢ² and
/// ∇f = (4/m)Σ…; a shard that owns rows [a, b) of a larger instance returns them as they are.
/// </summary>
/// <remarks>
/// Up to <see cref="QuadraticSensing.RowBlock"/> rows are one kernel call. More rows are cut into fixed blocks of
/// <see cref="QuadraticSensing.RowBlock"/> from the source's first row, whatever the thread count; each block's sums go
/// into their own partial and the partials are added in block order, so the result is bit-identical for every thread
/// count. The blocks are evaluated in waves of a few per thread, so the partials take a few blocks' worth of memory
/// whatever m is (the order of the additions does not depend on the wave size). Rows that are not in memory are read
/// (or generated) into the source's per-thread buffers. The blocks of a wave are shared out among the process's
/// <see cref="SensingWorkers"/> and the calling thread, which allocates nothing per call.
/// <para>
/// <b>Shards.</b> A shard that owns rows [a, b) builds them with <c>NpySensingRows.Open(folder, a, b)</c> or
/// <c>new BlockSeededSensing(seed, d, r, k).Rows(a, b)</c> (then <c>.ToMemory(threads)</c> to generate them once), and
/// returns <see cref="AccumulateEach"/>'s per-block sums; the caller adds all shards' blocks in block order with
/// <see cref="Fold"/> and scales by 1/m and 4/m. With a a multiple of <see cref="QuadraticSensing.RowBlock"/> the
/// shard's blocks are the whole instance's blocks, so the sharded f and ∇f are the single-process ones bit for bit,
/// whatever the number of shards (adding per-shard totals instead would group the additions differently).
/// </para>
/// </remarks>
public static class SensingPartial
{
    /// <summary>Blocks per thread in one wave: enough to even out the threads, few enough to bound the partials.</summary>
    private const int BlocksPerThread = 4;

    /// <summary>
    /// Σᵢ rᵢ² over all rows of <paramref name="rows"/>; the unscaled gradient is written (not added) to
    /// <paramref name="gradient"/> (d×k row-major). Allocation-free on one thread once the source's buffer is warm.
    /// </summary>
    /// <param name="rows">The rows.</param>
    /// <param name="width">k, the columns of X.</param>
    /// <param name="x">X ∈ R^{d×k}, row-major.</param>
    /// <param name="gradient">Receives the unscaled gradient (d·k entries).</param>
    /// <param name="threads">How many threads may evaluate blocks (≥ 1); the result does not depend on it.</param>
    /// <param name="path">The kernel path (<see cref="SensingKernelPath.Auto"/>: the widest the processor has).</param>
    public static double Accumulate(SensingRows rows, int width, ReadOnlySpan<double> x, Span<double> gradient, int threads = 1,
        SensingKernelPath path = SensingKernelPath.Auto)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        int n = rows.Dimension * width;
        ProblemArguments.Check(x, gradient, n);
        gradient.Clear();
        if (rows.Count <= QuadraticSensing.RowBlock)
            return AccumulateBlock(rows, width, 0, rows.Count, x, gradient, path);
        return AccumulateBlocks(rows, width, x, gradient, threads, path);
    }

    /// <summary>
    /// The sums of each block of <see cref="QuadraticSensing.RowBlock"/> rows on its own, unadded: block j's Σrᵢ² goes to
    /// <paramref name="sums"/>[j] and its unscaled gradient to <paramref name="gradients"/>[j·d·k …]. Adding them in block
    /// order with <see cref="Fold"/> gives <see cref="Accumulate"/>'s result bit for bit, so rows cut into whole blocks
    /// can be evaluated apart (a shard each) and still add up to the one-process bits.
    /// </summary>
    /// <exception cref="ArgumentException">The spans do not hold <see cref="BlockCount"/> blocks.</exception>
    public static void AccumulateEach(SensingRows rows, int width, ReadOnlySpan<double> x, Span<double> sums, Span<double> gradients, int threads = 1,
        SensingKernelPath path = SensingKernelPath.Auto)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        int n = rows.Dimension * width, blocks = BlockCount(rows.Count);
        ProblemArguments.Check(x, n);
        if (sums.Length != blocks || gradients.Length != (long)blocks * n)
            throw new ArgumentException($"{rows.Count} rows are {blocks} blocks: expected {blocks} sums and {blocks}·{n} gradient entries.", nameof(sums));
        int slot = n + 1;
        // The wave layout of AccumulateBlocks with one wave for all blocks: the slots, then the point. Rented, as there:
        // a shard makes this call for every oracle call of the run.
        double[] partials = ArrayPool<double>.Shared.Rent(blocks * slot + n);
        try
        {
            x.CopyTo(partials.AsSpan(blocks * slot, n));
            var work = new Wave(rows, width, partials, blocks, path);
            if (threads == 1 || blocks == 1)
                for (int block = 0; block < blocks; block++) work.Evaluate(block, block);
            else
                SensingWorkers.Shared.Run(work, 0, blocks, threads);
            for (int block = 0; block < blocks; block++)
            {
                sums[block] = partials[block * slot + n];
                partials.AsSpan(block * slot, n).CopyTo(gradients.Slice(block * n, n));
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(partials);
        }
    }

    /// <summary>
    /// Adds per-block sums (from <see cref="AccumulateEach"/>, of one or several sources holding consecutive whole
    /// blocks) in block order, exactly as <see cref="Accumulate"/> adds them: returns Σrᵢ² and writes the unscaled gradient.
    /// </summary>
    /// <param name="sums">Each block's Σrᵢ², in block order.</param>
    /// <param name="gradients">Each block's unscaled gradient, in block order (<paramref name="sums"/>.Length × d·k entries).</param>
    /// <param name="gradient">Receives the unscaled gradient (d·k entries).</param>
    /// <exception cref="ArgumentException">The lengths do not fit together.</exception>
    public static double Fold(ReadOnlySpan<double> sums, ReadOnlySpan<double> gradients, Span<double> gradient)
    {
        if (sums.Length < 1)
            throw new ArgumentException("Expected at least one block.", nameof(sums));
        // One block is the kernel's own answer; more are added to a cleared gradient, as AccumulateBlocks adds them.
        if (sums.Length == 1)
        {
            CheckBlocks(sums, gradients, gradient.Length);
            gradients.CopyTo(gradient);
            return sums[0];
        }
        gradient.Clear();
        return AddBlocks(0, sums, gradients, gradient);
    }

    /// <summary>
    /// Adds the blocks of one source to a running <paramref name="sum"/> and <paramref name="gradient"/>, in block order:
    /// <see cref="Fold"/> over several sources without joining their blocks first. Starting from 0 and a cleared gradient,
    /// the sources in block order give <see cref="Fold"/>'s bits when there are two blocks or more in all (one block in all
    /// is the block itself: <see cref="Fold"/>).
    /// </summary>
    /// <returns>The running sum with this source's blocks added.</returns>
    /// <exception cref="ArgumentException">The lengths do not fit together.</exception>
    public static double AddBlocks(double sum, ReadOnlySpan<double> sums, ReadOnlySpan<double> gradients, Span<double> gradient)
    {
        int n = gradient.Length;
        CheckBlocks(sums, gradients, n);
        for (int block = 0; block < sums.Length; block++)
        {
            sum += sums[block];
            TensorPrimitives.Add(gradient, gradients.Slice(block * n, n), gradient);
        }
        return sum;
    }

    private static void CheckBlocks(ReadOnlySpan<double> sums, ReadOnlySpan<double> gradients, int n)
    {
        if (gradients.Length != (long)sums.Length * n)
            throw new ArgumentException($"Expected {sums.Length}·{n} gradient entries, not {gradients.Length}.", nameof(gradients));
    }

    /// <summary>The blocks of <see cref="QuadraticSensing.RowBlock"/> rows that <paramref name="rows"/> rows are cut into (the last may be shorter).</summary>
    public static int BlockCount(int rows) => (rows + QuadraticSensing.RowBlock - 1) / QuadraticSensing.RowBlock;

    private static double AccumulateBlock(SensingRows rows, int k, int start, int count, ReadOnlySpan<double> x, Span<double> gradient, SensingKernelPath path)
    {
        int d = rows.Dimension;
        if (rows.TryView(start, count, out var a, out var b, out var y))
            return QuadraticSensingKernel.Accumulate(a, b, y, d, k, x, gradient, path);
        var buffer = rows.RentBuffer();
        try
        {
            int entries = count * d;
            rows.Read(start, count, buffer.A.AsSpan(0, entries), buffer.B.AsSpan(0, entries), buffer.Y.AsSpan(0, count));
            double sum = QuadraticSensingKernel.Accumulate(buffer.A.AsSpan(0, entries), buffer.B.AsSpan(0, entries), buffer.Y.AsSpan(0, count), d, k, x, gradient, path);
            if (!double.IsFinite(sum)) rows.CheckFinite(start, count, buffer);
            return sum;
        }
        finally
        {
            rows.ReturnBuffer(buffer);
        }
    }

    private static double AccumulateBlocks(SensingRows rows, int k, ReadOnlySpan<double> x, Span<double> gradient, int threads, SensingKernelPath path)
    {
        // Each block's slot holds its gradient and then its Σ rᵢ²; the point is copied after the slots, since a
        // lambda cannot capture a span. Only large arrays are rented: the pool allocates on small rents.
        int n = rows.Dimension * k, slot = n + 1, blocks = BlockCount(rows.Count);
        int wave = threads == 1 ? 1 : Math.Min(blocks, BlocksPerThread * threads);
        double[] partials = ArrayPool<double>.Shared.Rent(wave * slot + n);
        try
        {
            x.CopyTo(partials.AsSpan(wave * slot, n));
            var work = new Wave(rows, k, partials, wave, path);
            double sum = 0;
            for (int first = 0; first < blocks; first += wave)
            {
                int count = Math.Min(wave, blocks - first);
                if (threads == 1 || count == 1)
                    for (int block = first; block < first + count; block++) work.Evaluate(block - first, block);
                else
                    SensingWorkers.Shared.Run(work, first, count, threads);
                for (int i = 0; i < count; i++)
                {
                    sum += partials[i * slot + n];
                    TensorPrimitives.Add(gradient, partials.AsSpan(i * slot, n), gradient);
                }
            }
            return sum;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(partials);
        }
    }

    /// <summary>What a wave's blocks share; a struct, so a call allocates nothing for it.</summary>
    internal readonly struct Wave(SensingRows rows, int k, double[] partials, int wave, SensingKernelPath path)
    {
        private int N => rows.Dimension * k;

        public void Evaluate(int slotIndex, int block)
        {
            int n = N, slot = n + 1, start = block * QuadraticSensing.RowBlock, count = Math.Min(QuadraticSensing.RowBlock, rows.Count - start);
            var partial = partials.AsSpan(slotIndex * slot, n);
            partial.Clear();
            partials[slotIndex * slot + n] = AccumulateBlock(rows, k, start, count, partials.AsSpan(wave * slot, n), partial, path);
        }
    }
}
