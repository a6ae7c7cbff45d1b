using Ravine.Randomness;

namespace Ravine.Training;

/// <summary>
/// The training set cut into mini-batches in a fresh seeded order each epoch. An epoch's order is a function of the
/// seed and the epoch alone (Fisher–Yates on 0 … n − 1 with a generator seeded from both), so a resumed run needs only
/// the epoch and the batch position to see the same batches. The last batch of an epoch may be smaller.
/// </summary>
public sealed class ShuffledBatches
{
    private readonly int[] _order;
    private readonly ulong _seed;

    /// <summary>Batches of <paramref name="batchSize"/> out of <paramref name="examples"/> examples.</summary>
    /// <exception cref="ArgumentException">The batch size is below 1 or above the number of examples.</exception>
    public ShuffledBatches(int examples, int batchSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(examples, 1);
        if (batchSize < 1 || batchSize > examples)
            throw new ArgumentException($"The batch size {batchSize} must be between 1 and the {examples} training examples.", nameof(batchSize));
        _order = new int[examples];
        (BatchSize, _seed) = (batchSize, seed);
        Epoch = -1;
    }

    /// <summary>The batch size.</summary>
    public int BatchSize { get; }

    /// <summary>The batches per epoch (the last one may be smaller).</summary>
    public int BatchesPerEpoch => (_order.Length + BatchSize - 1) / BatchSize;

    /// <summary>The epoch whose order is current.</summary>
    public int Epoch { get; private set; }

    /// <summary>Puts the examples in epoch <paramref name="epoch"/>'s order.</summary>
    public void Shuffle(int epoch)
    {
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        FisherYates(_order, new Xoshiro256StarStar(_seed + 0x9E3779B97F4A7C15UL * (ulong)(epoch + 1)));
        Epoch = epoch;
    }

    /// <summary>The examples of batch <paramref name="index"/> in the current epoch's order.</summary>
    public ReadOnlySpan<int> Batch(int index)
    {
        int start = index * BatchSize;
        return _order.AsSpan(start, Math.Min(BatchSize, _order.Length - start));
    }

    /// <summary>A seeded permutation of 0 … <paramref name="count"/> − 1.</summary>
    public static int[] Permutation(int count, ulong seed)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        FisherYates(order, new Xoshiro256StarStar(seed));
        return order;
    }

    private static void FisherYates(int[] order, Xoshiro256StarStar random)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            // Lemire's multiply-shift: the high word of a 64-bit draw times i + 1 is uniform on 0 … i up to 2⁻³².
            int j = (int)Math.BigMul(random.NextUInt64(), (ulong)(i + 1), out _);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
