using Ravine.Problems;
using Ravine.Randomness;

namespace Ravine.Tests.Problems;

/// <summary>
/// The scalar, Vector256 and Vector512 paths of the sensing kernel, each forced (a Vector512 path runs in software where
/// the processor lacks AVX-512, so these tests hold on every machine).
/// </summary>
public class SensingKernelPathTests
{
    private static (double F, double[] Gradient) Evaluate(QuadraticSensing problem, double[] x, SensingKernelPath path)
    {
        problem.KernelPath = path;
        var g = new double[x.Length];
        return (problem.Evaluate(x, g), g);
    }

    [Theory]
    [InlineData(8, 1023)]   // a tail of three rows the four-row loop leaves
    [InlineData(16, 2050)]  // two eight-column chunks, two blocks and a short one
    public void The_Vector512_path_is_bit_identical_to_the_Vector256_path(int width, int measurements)
    {
        var problem = new BlockSeededSensing(5, 21, 2, width).Instance(measurements);
        var x = new Xoshiro256StarStar(6).NextGaussians(problem.Dimension);
        var (f256, g256) = Evaluate(problem, x, SensingKernelPath.Vector256);
        var (f512, g512) = Evaluate(problem, x, SensingKernelPath.Vector512);
        Assert.Equal(BitConverter.DoubleToInt64Bits(f256), BitConverter.DoubleToInt64Bits(f512));
        for (int i = 0; i < x.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(g256[i]) == BitConverter.DoubleToInt64Bits(g512[i]), $"∂{i}: {g256[i]:R} vs {g512[i]:R}");
    }

    [Theory]
    [InlineData("Vector256")]
    [InlineData("Vector512")]
    public void A_vector_path_agrees_with_the_scalar_path_to_round_off(string name)
    {
        var path = Enum.Parse<SensingKernelPath>(name);
        var problem = new BlockSeededSensing(7, 33, 2, 8).Instance(1100);
        var x = new Xoshiro256StarStar(8).NextGaussians(problem.Dimension);
        var (f, g) = Evaluate(problem, x, SensingKernelPath.Scalar);
        var (fv, gv) = Evaluate(problem, x, path);
        Assert.Equal(f, fv, f * 1e-13);
        double scale = g.Max(Math.Abs);
        for (int i = 0; i < x.Length; i++)
            Assert.True(Math.Abs(g[i] - gv[i]) <= 1e-13 * scale, $"∂{i}: {g[i]:R} vs {gv[i]:R}");
    }

    [Theory]
    [InlineData("Vector512", 4, "Vector256")]   // four columns: no eight-lane chunk
    [InlineData("Vector512", 6, "Scalar")]
    [InlineData("Vector256", 16, "Vector256")]
    [InlineData("Scalar", 8, "Scalar")]
    public void A_forced_path_falls_back_where_the_width_does_not_fit_it(string requested, int width, string taken) =>
        Assert.Equal(Enum.Parse<SensingKernelPath>(taken), QuadraticSensingKernel.Resolve(Enum.Parse<SensingKernelPath>(requested), width));
}
