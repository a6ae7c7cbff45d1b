namespace Ravine.Autodiff;

/// <summary>
/// The shape of a <see cref="Tensor"/>: up to four dimensions, row-major (the last index runs fastest). Images are
/// batch × height × width × channels.
/// </summary>
public readonly record struct TensorShape
{
    private readonly int _d0, _d1, _d2, _d3;

    /// <summary>A shape of one to four dimensions, each ≥ 1.</summary>
    public TensorShape(int d0, int d1 = 0, int d2 = 0, int d3 = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(d0, 1);
        Rank = d1 == 0 ? 1 : d2 == 0 ? 2 : d3 == 0 ? 3 : 4;
        if ((Rank < 3 && d2 != 0) || (Rank < 4 && d3 != 0) || d1 < 0 || d2 < 0 || d3 < 0)
            throw new ArgumentException($"A shape's dimensions are ≥ 1 and come first: got ({d0}, {d1}, {d2}, {d3}).");
        (_d0, _d1, _d2, _d3) = (d0, d1, d2, d3);
        long length = (long)d0 * Math.Max(d1, 1) * Math.Max(d2, 1) * Math.Max(d3, 1);
        if (length > Array.MaxLength) throw new ArgumentException($"A tensor of {length} entries is too large.");
        Length = (int)length;
    }

    /// <summary>The number of dimensions, 1 to 4.</summary>
    public int Rank { get; }

    /// <summary>The number of entries.</summary>
    public int Length { get; }

    /// <summary>Dimension <paramref name="index"/> (0 ≤ index &lt; <see cref="Rank"/>).</summary>
    public int this[int index] => (uint)index < (uint)Rank
        ? index switch { 0 => _d0, 1 => _d1, 2 => _d2, _ => _d3 }
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"A shape of rank {Rank} has no dimension {index}.");

    /// <summary>The last dimension (the one that runs fastest).</summary>
    public int Last => this[Rank - 1];

    /// <summary>The shape as text, e.g. 128×10.</summary>
    public override string ToString() => Rank switch
    {
        1 => $"{_d0}",
        2 => $"{_d0}×{_d1}",
        3 => $"{_d0}×{_d1}×{_d2}",
        _ => $"{_d0}×{_d1}×{_d2}×{_d3}",
    };
}
