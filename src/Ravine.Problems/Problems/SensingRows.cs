namespace Ravine.Problems;

/// <summary>
/// The rows of a quadratic-sensing instance — aᵢ, bᵢ (d entries each) and yᵢ — over a row range, wherever they live:
/// in memory (<see cref="InMemorySensingRows"/>), in .npy files read block by block (<see cref="NpySensingRows"/>), or
/// generated on the fly from a seed (<see cref="SeededSensingRows"/>). <see cref="QuadraticSensing"/> evaluates its
/// oracle over one, and so can a shard that owns a row range (<see cref="SensingPartial"/>).
/// </summary>
/// <remarks>
/// Sources that do not hold the rows in memory fill caller buffers of at most <see cref="QuadraticSensing.RowBlock"/>
/// rows; <see cref="RentBuffer"/> keeps those buffers (one per thread that has used the source), so a call on one
/// thread allocates nothing once warm and the resident memory stays at a few blocks whatever m is.
/// </remarks>
public abstract class SensingRows
{
    private readonly List<SensingRowBuffer> _buffers = [];

    /// <param name="count">The number of rows, ≥ 1.</param>
    /// <param name="dimension">d ≥ 1.</param>
    protected SensingRows(int count, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        (Count, Dimension) = (count, dimension);
    }

    /// <summary>The number of rows (m of an instance, or b − a of a row range [a, b)).</summary>
    public int Count { get; }

    /// <summary>d, the entries of aᵢ and of bᵢ.</summary>
    public int Dimension { get; }

    /// <summary>Where the rows come from, for messages (e.g. <c>in memory</c>).</summary>
    public abstract string Origin { get; }

    /// <summary>
    /// Copies rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) into
    /// <paramref name="a"/> and <paramref name="b"/> (count·d entries each, row-major) and <paramref name="y"/> (count).
    /// </summary>
    public void Read(int start, int count, Span<double> a, Span<double> b, Span<double> y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, Count - count);
        long entries = (long)count * Dimension;
        if (a.Length < entries || b.Length < entries || y.Length < count)
            throw new ArgumentException($"The buffers hold fewer than {count} rows of d = {Dimension}.");
        ReadRows(start, count, a[..(int)entries], b[..(int)entries], y[..count]);
    }

    /// <summary>Fills the buffers with the rows; the arguments are checked.</summary>
    protected abstract void ReadRows(int start, int count, Span<double> a, Span<double> b, Span<double> y);

    /// <summary>The rows without a copy, when the source holds them in memory; false otherwise.</summary>
    public virtual bool TryView(int start, int count, out ReadOnlySpan<double> a, out ReadOnlySpan<double> b, out ReadOnlySpan<double> y)
    {
        a = b = y = default;
        return false;
    }

    /// <summary>
    /// Called when a block's Σ rᵢ² came out non-finite: a source whose entries were not checked when it was opened
    /// (files) looks for a NaN or ±∞ in those rows and throws an error naming it. The default does nothing.
    /// </summary>
    public virtual void CheckFinite(int start, int count, SensingRowBuffer buffer)
    {
    }

    /// <summary>
    /// All rows in memory (A, B as m×d row-major arrays): this source's own arrays, or a copy read block by block on up
    /// to <paramref name="threads"/> threads (the same arrays for any count: each block has its own place).
    /// </summary>
    /// <exception cref="InvalidOperationException">m·d exceeds the length of one .NET array.</exception>
    public virtual InMemorySensingRows ToMemory(int threads = 1)
    {
        long entries = (long)Count * Dimension;
        if (entries > Array.MaxLength)
            throw new InvalidOperationException($"{Count} rows of d = {Dimension} ({entries} entries) do not fit in one array; evaluate them block by block from their source (files, or the seed) instead.");
        var a = new double[entries];
        var b = new double[entries];
        var y = new double[Count];
        int d = Dimension, blocks = (Count + QuadraticSensing.RowBlock - 1) / QuadraticSensing.RowBlock;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, block =>
        {
            int start = block * QuadraticSensing.RowBlock, count = Math.Min(QuadraticSensing.RowBlock, Count - start);
            Read(start, count, a.AsSpan(start * d, count * d), b.AsSpan(start * d, count * d), y.AsSpan(start, count));
        });
        return new InMemorySensingRows(Count, d, a, b, y);
    }

    /// <summary>A buffer for one block of rows: a kept one if free, else a new one (kept after <see cref="ReturnBuffer"/>).</summary>
    public SensingRowBuffer RentBuffer()
    {
        lock (_buffers)
        {
            if (_buffers.Count > 0)
            {
                var buffer = _buffers[^1];
                _buffers.RemoveAt(_buffers.Count - 1);
                return buffer;
            }
        }
        return new SensingRowBuffer(Math.Min(Count, QuadraticSensing.RowBlock), Dimension);
    }

    /// <summary>Gives a buffer from <see cref="RentBuffer"/> back for the next block.</summary>
    public void ReturnBuffer(SensingRowBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        lock (_buffers) _buffers.Add(buffer);
    }
}

/// <summary>Room for one block of rows: A and B rows (row-major) and y.</summary>
public sealed class SensingRowBuffer(int rows, int dimension)
{
    /// <summary>The rows of A.</summary>
    public double[] A { get; } = new double[(long)rows * dimension];

    /// <summary>The rows of B.</summary>
    public double[] B { get; } = new double[(long)rows * dimension];

    /// <summary>The measurements.</summary>
    public double[] Y { get; } = new double[rows];
}
