using Ravine.Problems;
using Ravine.Randomness;

namespace Ravine.Tests.Problems;

public class RowMajorGemmTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(4, 3, 8)]
    [InlineData(7, 5, 19)]
    [InlineData(9, 13, 16)]
    public void Every_entry_is_the_fma_chain_over_k_wherever_it_falls_in_the_blocks(int m, int q, int p)
    {
        var rng = new Xoshiro256StarStar(17);
        double[] a = rng.NextGaussians(m * q), b = rng.NextGaussians(q * p);
        var c = new double[m * p];
        c.AsSpan().Fill(double.NaN); // the old content must not leak in
        RowMajorGemm.Multiply(a, b, c, m, q, p);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < p; j++)
            {
                double s = 0;
                for (int k = 0; k < q; k++) s = Math.FusedMultiplyAdd(a[i * q + k], b[k * p + j], s);
                Assert.Equal(BitConverter.DoubleToInt64Bits(s), BitConverter.DoubleToInt64Bits(c[i * p + j]));
            }
    }

    [Fact]
    public void Spans_too_short_for_the_sizes_are_rejected() =>
        Assert.Throws<ArgumentException>(() => RowMajorGemm.Multiply(new double[5], new double[6], new double[4], 2, 3, 2));
}
