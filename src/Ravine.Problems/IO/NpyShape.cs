namespace Ravine.IO;

/// <summary>Array shapes as NumPy writes them, and the shape rules shared by the array type, the reader and the writer.</summary>
public static class NpyShape
{
    internal const int MaxRank = 2;

    /// <summary>
    /// The number of elements, which may exceed what a .NET array holds: a file read block by block (a large sensing
    /// instance's A and B) only has to fit on disk; a file read whole is checked against <see cref="Array.MaxLength"/>.
    /// </summary>
    internal static long ElementCount(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (var d in shape)
            count *= d; // at most two factors below 2³¹: no overflow
        return count;
    }

    internal static void Check(ReadOnlySpan<int> shape, int length)
    {
        if (shape.Length > MaxRank)
            throw new ArgumentException($"The shape {Format(shape)} has {shape.Length} dimensions; only 0-D, 1-D and 2-D arrays are supported.", nameof(shape));
        foreach (var d in shape)
            if (d < 0)
                throw new ArgumentException($"The shape {Format(shape)} has a negative dimension.", nameof(shape));
        if (ElementCount(shape) != length)
            throw new ArgumentException($"The shape {Format(shape)} does not match the {length} elements of the data.", nameof(shape));
    }

    /// <summary>The shape as Python's <c>repr</c> of a tuple: <c>()</c>, <c>(3,)</c>, <c>(2, 3)</c>.</summary>
    public static string Format(ReadOnlySpan<int> shape) => shape.Length switch
    {
        0 => "()",
        1 => $"({shape[0]},)",
        _ => "(" + string.Join(", ", shape.ToArray()) + ")",
    };

    internal static string Format(IReadOnlyList<long> shape) => shape.Count == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
}
