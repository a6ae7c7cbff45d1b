using Ravine.Networks;
using Ravine.Randomness;

namespace Ravine.Tests.Networks;

/// <summary>A small split of seeded random images, so that model tests need no files and run fast.</summary>
internal static class SyntheticSplit
{
    public static FashionMnistSplit Create(int train = 300, int test = 50, int validation = 40, ulong seed = 11)
    {
        var random = new Xoshiro256StarStar(seed);
        byte[] Bytes(int count, int modulus) => [.. Enumerable.Range(0, count).Select(_ => (byte)(random.NextUInt64() % (ulong)modulus))];
        return new FashionMnistSplit(Bytes(train * 784, 256), Bytes(train, 10), Bytes(test * 784, 256), Bytes(test, 10), validation, seed);
    }
}
