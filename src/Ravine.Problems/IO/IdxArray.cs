namespace Ravine.IO;

/// <summary>An unsigned-byte IDX array: its dimensions (outermost first) and its bytes in row-major order.</summary>
internal sealed record IdxArray(int[] Dimensions, byte[] Data)
{
    /// <summary>The number of items, the first dimension (e.g. images or labels).</summary>
    public int Count => Dimensions[0];

    /// <summary>The number of bytes per item: the product of the other dimensions (784 for a 28×28 image, 1 for a label).</summary>
    public int ItemLength => Dimensions.Skip(1).Aggregate(1, (a, b) => a * b);
}
