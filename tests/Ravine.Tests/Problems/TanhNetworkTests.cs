using Ravine.Objectives;
using Ravine.Problems;
using Ravine.Randomness;

namespace Ravine.Tests.Problems;

public class TanhNetworkTests
{
    private static (TanhNetwork Network, double[] X) Tiny(int n, int d, int h, int c, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        double[] inputs = rng.NextGaussians(n * d);
        var targets = new double[n * c];
        for (int i = 0; i < n; i++) targets[i * c + i % c] = 1;
        return (new TanhNetwork(inputs, targets, n, d, h, c), rng.NextGaussians(TanhNetwork.ParameterCount(d, h, c)));
    }

    [Theory]
    [InlineData(3, 2, 1, 1)]  // scalar paths only
    [InlineData(9, 6, 16, 3)] // the four-by-eight kernel and the row tail
    public void The_hand_derived_gradient_matches_central_differences(int n, int d, int h, int c)
    {
        var (network, x) = Tiny(n, d, h, c, 5);
        var check = GradientChecker.Check(Objective.Create(network.Dimension, network.Evaluate), x);
        Assert.True(check.Passed(1e-6), check.ToString());
    }

    [Fact]
    public void The_loss_is_half_the_mean_squared_error_of_the_outputs()
    {
        // d = h = c = 1, n = 1: out = w₂ tanh(w₁x + b₁) + b₂.
        var network = new TanhNetwork([2.0], [1.0], 1, 1, 1, 1);
        double[] theta = [0.3, -0.1, 1.5, 0.2];
        double output = 1.5 * Math.Tanh(0.3 * 2 - 0.1) + 0.2;
        Assert.Equal(0.5 * (output - 1) * (output - 1), network.Evaluate(theta, new double[4]), 1e-15);
    }

    [Fact]
    public void The_same_point_gives_bit_identical_values_and_gradients()
    {
        var (network, x) = Tiny(11, 7, 8, 3, 9);
        double[] g1 = new double[x.Length], g2 = new double[x.Length];
        double f1 = network.Evaluate(x, g1), f2 = network.Evaluate(x, g2);
        Assert.Equal(BitConverter.DoubleToInt64Bits(f1), BitConverter.DoubleToInt64Bits(f2));
        Assert.Equal(g1.Select(BitConverter.DoubleToInt64Bits), g2.Select(BitConverter.DoubleToInt64Bits));
    }
}
