namespace Ravine.Randomness;

/// <summary>
/// Elementary functions computed from IEEE-754 additions, multiplications, divisions and square roots only.
/// <see cref="Math.Log(double)"/> calls the platform's C library, whose last bit may differ between machines
/// and runtime versions; instances generated from a seed must not, so the generators use these instead.
/// </summary>
internal static class DeterministicMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01; // ln 2 to 32 bits, so e·Ln2Hi is exact
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.41421356237309504880;

    /// <summary>The natural logarithm, accurate to about 1 ulp, bit-identical on every machine.</summary>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0) return double.NaN;
        if (x == 0) return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x)) return x;
        int exponent = 0;
        if (x < 2.2250738585072014e-308)
        {
            x *= 18014398509481984.0; // 2^54: lift subnormals into the normal range
            exponent = -54;
        }
        long bits = BitConverter.DoubleToInt64Bits(x);
        exponent += (int)((bits >> 52) & 0x7FF) - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L); // m ∈ [1, 2)
        if (m > Sqrt2)
        {
            m *= 0.5;
            exponent++;
        }
        // log m = 2 atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.1716: the odd series converges fast.
        double s = (m - 1) / (m + 1);
        double s2 = s * s;
        double series = 1.0 / 23;
        for (int k = 21; k >= 3; k -= 2)
            series = 1.0 / k + s2 * series;
        double logM = 2 * s + 2 * s * s2 * series;
        return exponent * Ln2Hi + (exponent * Ln2Lo + logM);
    }
}
