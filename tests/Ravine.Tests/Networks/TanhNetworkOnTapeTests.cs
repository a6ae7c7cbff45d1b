using Ravine.Autodiff;
using Ravine.Problems;
using Ravine.Tests.Autodiff;

namespace Ravine.Tests.Networks;

/// <summary>
/// The fashion-mnist problem keeps its hand-derived network (faster, and its traces are the reference); written with
/// the tape, the same network gives the same loss and gradient to rounding.
/// </summary>
public class TanhNetworkOnTapeTests
{
    [Fact]
    public void The_tape_gives_the_hand_derived_loss_and_gradient()
    {
        const int n = 20, d = 30, h = 8, c = 10;
        var inputs = TapeChecks.Gaussians(21, n * d, 0.5);
        var targets = new double[n * c];
        for (int i = 0; i < n; i++) targets[i * c + i % c] = 1;
        var network = new TanhNetwork(inputs, targets, n, d, h, c);
        var onTape = TensorObjective.Create(network.Dimension, (tape, x) =>
        {
            var hidden = tape.Tanh(tape.AddBias(tape.MatMul(tape.Constant(inputs, new(n, d)), tape.Slice(x, 0, new(d, h))), tape.Slice(x, d * h, new(h))));
            var outputs = tape.AddBias(tape.MatMul(hidden, tape.Slice(x, d * h + h, new(h, c))), tape.Slice(x, d * h + h + h * c, new(c)));
            return tape.Scale(tape.Sum(tape.Square(tape.Subtract(outputs, tape.Constant(targets, new(n, c))))), 1.0 / (2 * n));
        });
        var x = TapeChecks.Gaussians(22, network.Dimension, 0.3);
        var (expected, actual) = (new double[x.Length], new double[x.Length]);
        double f = network.Evaluate(x, expected), g = onTape.Evaluate(x, actual);
        Assert.True(Math.Abs(f - g) <= 1e-12 * f, $"{f} vs {g}");
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < x.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * scale, $"∂{i}: {expected[i]} vs {actual[i]}");
    }
}
