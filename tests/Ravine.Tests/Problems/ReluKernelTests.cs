using Ravine.Problems;
using Ravine.Randomness;

namespace Ravine.Tests.Problems;

public class ReluKernelTests
{
    /// <summary>s(θ) = Σₖ (−1)ᵏ⁺¹ θ²ᵏ⁺¹/((2k−1)!(2k+1)) in decimal (28 digits) for θ = m·2⁻²⁰, which decimal holds exactly.</summary>
    private static double ReferenceS(long m)
    {
        decimal theta = m * 95367431640625m / 100000000000000000000m; // m·5²⁰/10²⁰ = m·2⁻²⁰
        decimal z = theta * theta, a = theta, sum = 0; // a = θ^(2k−1)/(2k−1)!
        for (int k = 1; k <= 40; k++)
        {
            decimal term = a * z / (2 * k + 1);
            sum += k % 2 == 1 ? term : -term;
            if (term < 1e-27m * sum) break;
            a = a * z / ((2 * k) * (2 * k + 1));
        }
        return (double)sum;
    }

    [Fact]
    public void Sin_minus_theta_cos_has_relative_error_below_1e_minus_15_on_both_sides_of_the_switch()
    {
        var rng = new Xoshiro256StarStar(40);
        const double scale = 1 << 20;
        double worstSeries = 0, worstDirect = 0;
        for (int i = 0; i < 4000; i++)
        {
            // Half the samples within 0.05 of the switch at θ = 1, where each side is least accurate.
            double t = i % 2 == 0 ? 0.001 + rng.NextDouble() * (Math.PI - 0.001) : 0.95 + 0.1 * rng.NextDouble();
            long m = (long)(t * scale);
            double theta = m / scale;
            double reference = ReferenceS(m);
            double error = Math.Abs(ReluKernel.SinMinusThetaCos(theta) - reference) / reference;
            if (theta < ReluKernel.SeriesLimit) worstSeries = Math.Max(worstSeries, error);
            else worstDirect = Math.Max(worstDirect, error);
        }
        Assert.InRange(worstSeries, 0, 1e-15);
        Assert.InRange(worstDirect, 0, 1e-15);
    }

    [Theory]
    [InlineData(1e-20)]
    [InlineData(1e-8)]
    [InlineData(1e-4)]
    public void Sin_minus_theta_cos_for_tiny_angles_is_theta_cubed_over_three(double theta)
    {
        double expected = theta * theta * theta / 3 * (1 - theta * theta / 10);
        Assert.Equal(1.0, ReluKernel.SinMinusThetaCos(theta) / expected, 1e-15);
        Assert.Equal(0.0, ReluKernel.SinMinusThetaCos(0));
    }

    [Fact]
    public void Sin_minus_theta_cos_at_pi_is_pi()
    {
        Assert.Equal(Math.PI, ReluKernel.SinMinusThetaCos(Math.PI), 1e-15);
    }

    [Theory]
    [InlineData(1e-13, 3)]
    [InlineData(1e-9, 9)]
    [InlineData(1e-5, 5)]
    [InlineData(0.7, 8)]
    public void Angle_of_nearly_aligned_vectors_is_accurate_to_a_few_ulps(double t, int d)
    {
        // u = (3, 4, 0, …)·c and w = (3, 4, t, 0, …): the angle is atan(t/5) exactly; the entries are exact in binary.
        var u = new double[d];
        var w = new double[d];
        (u[0], u[1]) = (3 * 1.25, 4 * 1.25);
        (w[0], w[1], w[2]) = (3, 4, t);
        double theta = ReluKernel.Angle(u, Math.Sqrt(u.Sum(a => a * a)), w, Math.Sqrt(w.Sum(a => a * a)));
        Assert.Equal(1.0, theta / Math.Atan(t / 5), 1e-15);
        // Normalizing first loses all but a few digits at t = 1e-13; the error-free differences keep them.
    }

    [Fact]
    public void Angle_of_nearly_opposite_vectors_is_close_to_pi()
    {
        double[] u = [3, 4, 0, 0, 0], w = [-3, -4, 1e-9, 0, 0];
        double theta = ReluKernel.Angle(u, 5, w, Math.Sqrt(25 + 1e-18));
        Assert.Equal(Math.PI - Math.Atan(1e-9 / 5), theta, 1e-15);
    }

    [Fact]
    public void Angle_with_a_zero_vector_is_the_documented_pi_over_two()
    {
        double[] u = [1, 2, 3], zero = [0, 0, 0];
        Assert.Equal(Math.PI / 2, ReluKernel.Angle(u, Math.Sqrt(14), zero, 0));
        Assert.Equal(Math.PI / 2, ReluKernel.Angle(zero, 0, u, Math.Sqrt(14)));
    }

    [Fact]
    public void Angle_of_random_vectors_agrees_with_acos_where_acos_is_well_conditioned()
    {
        var rng = new Xoshiro256StarStar(41);
        for (int trial = 0; trial < 100; trial++)
        {
            double[] u = rng.NextGaussians(13), w = rng.NextGaussians(13);
            double nu = Math.Sqrt(u.Sum(a => a * a)), nw = Math.Sqrt(w.Sum(a => a * a));
            double cos = u.Zip(w, (a, b) => a * b).Sum() / (nu * nw);
            Assert.Equal(Math.Acos(cos), ReluKernel.Angle(u, nu, w, nw), 1e-12);
        }
    }
}
