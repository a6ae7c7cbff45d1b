namespace Ravine.Problems;

/// <summary>Rows held in memory as m×d row-major arrays (not copied: the caller hands them over).</summary>
public sealed class InMemorySensingRows : SensingRows
{
    private readonly double[] _a, _b, _y;

    /// <summary>Rows from arrays the caller no longer changes; lengths are checked, entries are not.</summary>
    public InMemorySensingRows(int count, int dimension, double[] a, double[] b, double[] y) : base(count, dimension)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(y);
        long entries = (long)count * dimension;
        if (a.Length != entries || b.Length != entries || y.Length != count)
            throw new ArgumentException($"A and B need m·d = {entries} entries and y m = {count}; got {a.Length}, {b.Length} and {y.Length}.");
        (_a, _b, _y) = (a, b, y);
    }

    /// <inheritdoc />
    public override string Origin => "in memory";

    /// <summary>A, row-major (the array itself: do not change it).</summary>
    public double[] A => _a;

    /// <summary>B, row-major (the array itself: do not change it).</summary>
    public double[] B => _b;

    /// <summary>y (the array itself: do not change it).</summary>
    public double[] Y => _y;

    /// <inheritdoc />
    protected override void ReadRows(int start, int count, Span<double> a, Span<double> b, Span<double> y)
    {
        _a.AsSpan(start * Dimension, count * Dimension).CopyTo(a);
        _b.AsSpan(start * Dimension, count * Dimension).CopyTo(b);
        _y.AsSpan(start, count).CopyTo(y);
    }

    /// <inheritdoc />
    public override bool TryView(int start, int count, out ReadOnlySpan<double> a, out ReadOnlySpan<double> b, out ReadOnlySpan<double> y)
    {
        a = _a.AsSpan(start * Dimension, count * Dimension);
        b = _b.AsSpan(start * Dimension, count * Dimension);
        y = _y.AsSpan(start, count);
        return true;
    }

    /// <inheritdoc />
    public override InMemorySensingRows ToMemory(int threads = 1) => this;
}
