using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ravine.Problems;

/// <summary>
/// The pieces of the ReLU (degree-1 arc-cosine) kernel h(u, w) = E[σ(uᵀx)σ(wᵀx)] = uᵀw/2 + ‖u‖‖w‖ s(θ)/(2π),
/// x ~ N(0, I), computed so that they keep their <em>relative</em> accuracy when u and w are nearly aligned: that is
/// where the single-neuron loss lives near its solution set, and where the textbook forms (acos of a cosine, and
/// sin θ − θ cos θ directly) lose every digit.
/// </summary>
internal static class ReluKernel
{
    /// <summary>Below this angle s(θ) comes from its series, at and above it from sin θ − θ cos θ.</summary>
    public const double SeriesLimit = 1.0;

    /// <summary>The angle θ(u, w) ∈ [0, π] when u or w is zero (see <see cref="Angle"/>).</summary>
    public const double ZeroVectorAngle = Math.PI / 2;

    /// <summary>
    /// s(θ) = sin θ − θ cos θ with relative error below 1e-15 on [0, π].
    /// </summary>
    /// <remarks>
    /// s(θ) = Σₖ≥₁ (−1)ᵏ⁺¹ θ²ᵏ⁺¹ / ((2k−1)!·(2k+1)) = θ³/3 − θ⁵/30 + θ⁷/840 − …. The direct formula subtracts two
    /// numbers of size θ whose difference is θ³/3, so its relative error grows like ε/θ² (3.8e-10 at θ = 1e-3); the
    /// series has no cancellation for θ &lt; 1 (its terms fall by at least 10× each), and its error after nine terms is
    /// the tenth term, θ²¹/(19!·21) ≤ 3.9e-19 ≈ 1.3e-18·s(1). Measured against 200-bit references (mpmath, and the
    /// decimal reference in the tests): the 9-term series is within 4e-16 on (0, 1), the direct formula within 5.1e-16
    /// on [1, π] (9e-16 just below 1, 2e-15 at 0.5). Hence the switch at 1. The denominators (2k−1)!·(2k+1) are
    /// integers below 2⁵³, so each coefficient 1/N is one correctly rounded division.
    /// </remarks>
    public static double SinMinusThetaCos(double theta)
    {
        if (theta >= SeriesLimit)
            return Math.Sin(theta) - theta * Math.Cos(theta);
        double z = theta * theta;
        double p = 1.0 / 6758061133824000;          // 1/(17!·19)
        p = -1.0 / 22230464256000 + z * p;          // 1/(15!·17)
        p = 1.0 / 93405312000 + z * p;              // 1/(13!·15)
        p = -1.0 / 518918400 + z * p;               // 1/(11!·13)
        p = 1.0 / 3991680 + z * p;                  // 1/(9!·11)
        p = -1.0 / 45360 + z * p;                   // 1/(7!·9)
        p = 1.0 / 840 + z * p;                      // 1/(5!·7)
        p = -1.0 / 30 + z * p;                      // 1/(3!·5)
        p = 1.0 / 3 + z * p;                        // 1/(1!·3)
        return theta * z * p;
    }

    /// <summary>
    /// The angle between u and w as θ = 2·atan2(‖û − ŵ‖, ‖û + ŵ‖), with relative error of a few ε even when θ is tiny
    /// or close to π. When u or w is zero the angle is undefined and <see cref="ZeroVectorAngle"/> (π/2) is returned:
    /// every term of the loss that uses it is multiplied by the zero norm, and in the gradient it gives the average
    /// of the one-sided limits over all directions (see <see cref="SingleNeuron"/>).
    /// </summary>
    /// <remarks>
    /// û − ŵ is computed as c⁻ = ‖w‖u − ‖u‖w (= ‖u‖‖w‖(û − ŵ), the common factor cancels in atan2), each entry a
    /// difference of two products with a single rounding error (Kahan's fused-multiply-add algorithm), and c⁺ likewise.
    /// Normalizing first would put an absolute error ε into every entry of û − ŵ, an absolute error ε into θ, and a
    /// relative error 3ε/θ into s(θ). An error in the norms ‖u‖, ‖w‖ themselves only moves c⁻ along u ≈ w, which
    /// changes ‖c⁻‖ to second order, so ordinary norms suffice.
    /// </remarks>
    public static double Angle(ReadOnlySpan<double> u, double normU, ReadOnlySpan<double> w, double normW)
    {
        if (normU == 0 || normW == 0) return ZeroVectorAngle;
        var (minus, plus) = DifferenceAndSumNormsSquared(u, normU, w, normW);
        return 2 * Math.Atan2(Math.Sqrt(minus), Math.Sqrt(plus));
    }

    /// <summary>‖ ‖w‖u − ‖u‖w ‖² and ‖ ‖w‖u + ‖u‖w ‖², each entry with one rounding error.</summary>
    private static (double Minus, double Plus) DifferenceAndSumNormsSquared(ReadOnlySpan<double> u, double normU, ReadOnlySpan<double> w, double normW)
    {
        int n = u.Length, i = 0;
        double minus = 0, plus = 0;
        if (n >= Vector256<double>.Count)
        {
            var nu = Vector256.Create(normU);
            var nw = Vector256.Create(normW);
            var accMinus = Vector256<double>.Zero;
            var accPlus = Vector256<double>.Zero;
            ref double ur = ref Unsafe.AsRef(in u[0]);
            ref double wr = ref Unsafe.AsRef(in w[0]);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var ui = Vector256.LoadUnsafe(ref ur, (nuint)i);
                var wi = Vector256.LoadUnsafe(ref wr, (nuint)i);
                var p = nu * wi;                                        // ‖u‖wᵢ rounded
                var e = Vector256.FusedMultiplyAdd(-nu, wi, p);         // p − ‖u‖wᵢ exactly
                var cMinus = Vector256.FusedMultiplyAdd(nw, ui, -p) + e;
                var cPlus = Vector256.FusedMultiplyAdd(nw, ui, p) - e;
                accMinus = Vector256.FusedMultiplyAdd(cMinus, cMinus, accMinus);
                accPlus = Vector256.FusedMultiplyAdd(cPlus, cPlus, accPlus);
            }
            minus = HorizontalSum(accMinus);
            plus = HorizontalSum(accPlus);
        }
        for (; i < n; i++)
        {
            double p = normU * w[i];
            double e = Math.FusedMultiplyAdd(-normU, w[i], p);
            double cMinus = Math.FusedMultiplyAdd(normW, u[i], -p) + e;
            double cPlus = Math.FusedMultiplyAdd(normW, u[i], p) - e;
            minus = Math.FusedMultiplyAdd(cMinus, cMinus, minus);
            plus = Math.FusedMultiplyAdd(cPlus, cPlus, plus);
        }
        return (minus, plus);
    }

    /// <summary>The lanes added in a fixed order (Vector256.Sum's order may depend on the hardware), so results are reproducible.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double HorizontalSum(Vector256<double> v) => (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));
}
