using Ravine.Autodiff;

namespace Ravine.Tests.Autodiff;

public class GemmTests
{
    private static double[] Naive(double[] a, bool ta, double[] b, bool tb, double[] c, int m, int k, int n, bool accumulate)
    {
        var result = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = accumulate ? c[i * n + j] : 0;
                for (int p = 0; p < k; p++)
                    s += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                result[i * n + j] = s;
            }
        return result;
    }

    [Theory]
    [InlineData(1, 1, 1, false, false, false)]
    [InlineData(7, 5, 3, false, false, false)]
    [InlineData(37, 300, 19, false, false, true)]
    [InlineData(37, 300, 19, true, false, false)]
    [InlineData(37, 300, 19, false, true, true)]
    [InlineData(64, 9, 16, true, true, false)]
    [InlineData(5, 600, 8, true, true, true)]
    public void The_product_matches_the_definition(int m, int k, int n, bool transposeA, bool transposeB, bool accumulate)
    {
        var a = TapeChecks.Gaussians(1, m * k);
        var b = TapeChecks.Gaussians(2, k * n);
        var c = TapeChecks.Gaussians(3, m * n);
        var expected = Naive(a, transposeA, b, transposeB, c, m, k, n, accumulate);
        Gemm.Multiply(a, transposeA, b, transposeB, c, m, k, n, accumulate);
        for (int i = 0; i < c.Length; i++)
            Assert.True(Math.Abs(c[i] - expected[i]) <= 1e-12 * (1 + Math.Sqrt(k)), $"entry {i}: {c[i]} vs {expected[i]}");
    }

    [Theory]
    [InlineData(130, 784, 257, false, false)]
    [InlineData(72, 3000, 16, true, false)]
    [InlineData(128, 64, 784, false, true)]
    public void One_and_two_threads_give_the_same_bits(int m, int k, int n, bool transposeA, bool transposeB)
    {
        var a = TapeChecks.Gaussians(4, m * k);
        var b = TapeChecks.Gaussians(5, k * n);
        var one = TapeChecks.Gaussians(6, m * n);
        var two = (double[])one.Clone();
        Gemm.Multiply(a, transposeA, b, transposeB, one, m, k, n, accumulate: true, threads: 1);
        Gemm.Multiply(a, transposeA, b, transposeB, two, m, k, n, accumulate: true, threads: 2);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Spans_too_short_for_the_sizes_are_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Gemm.Multiply(new double[5], false, new double[6], false, new double[6], 2, 3, 2));
        Assert.Contains("2×3 by 3×2", ex.Message);
    }
}
