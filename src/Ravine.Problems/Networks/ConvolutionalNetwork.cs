using Ravine.Autodiff;

namespace Ravine.Networks;

/// <summary>
/// <c>cnn</c>: conv 3×3 (1→8 filters, padding 1) – ReLU – max-pool 2 – conv 3×3 (8→16, padding 1) – ReLU –
/// max-pool 2 – dense 784→64 – ReLU – dense 64→10, softmax cross-entropy: 52,138 parameters, He initialization.
/// </summary>
/// <remarks>
/// The channel counts keep an epoch of 60,000 images affordable on two cores: per image the forward products cost
/// 2·(784·9·8 + 196·72·16 + 784·64 + 64·10) = 666,112 FLOP, and a training step (forward and backward) three
/// times that less the first convolution's input gradient, which is never formed (the images are constants):
/// 1,885,440 FLOP per image, 113 GFLOP per epoch of 60,000. Images are N×28×28×1, channels last.
/// </remarks>
public sealed class ConvolutionalNetwork : NetworkModel
{
    private readonly ParameterLayout _layout = new();
    private readonly int _k1, _b1, _k2, _b2, _w3, _b3, _w4, _b4;

    /// <summary>The network on <paramref name="data"/>, its products on up to <paramref name="threads"/> threads.</summary>
    public ConvolutionalNetwork(FashionMnistSplit data, int threads = 1) : base(data, threads)
    {
        (_k1, _b1) = (_layout.Weights(new(9 * 1, 8), 9 * 1, 2), _layout.Bias(8));
        (_k2, _b2) = (_layout.Weights(new(9 * 8, 16), 9 * 8, 2), _layout.Bias(16));
        (_w3, _b3) = (_layout.Weights(new(7 * 7 * 16, 64), 7 * 7 * 16, 2), _layout.Bias(64));
        (_w4, _b4) = (_layout.Weights(new(64, 10), 64, 1), _layout.Bias(10));
    }

    /// <inheritdoc/>
    public override string Name => "cnn";

    /// <inheritdoc/>
    public override string Architecture => "conv3×3(8)–ReLU–maxpool2–conv3×3(16)–ReLU–maxpool2–784–64–10, softmax cross-entropy";

    /// <inheritdoc/>
    public override bool IsClassifier => true;

    private protected override ParameterLayout Layout => _layout;

    private protected override Tensor Forward(Tape tape, Tensor x, Tensor images)
    {
        int n = images.Shape[0];
        var pixels = tape.Reshape(images, new(n, 28, 28, 1));
        var c1 = tape.MaxPool(tape.Relu(tape.AddBias(tape.Conv2d(pixels, _layout.Slice(tape, x, _k1), 3, 1), _layout.Slice(tape, x, _b1))));
        var c2 = tape.MaxPool(tape.Relu(tape.AddBias(tape.Conv2d(c1, _layout.Slice(tape, x, _k2), 3, 1), _layout.Slice(tape, x, _b2))));
        var hidden = tape.Relu(Dense(tape, tape.Reshape(c2, new(n, 7 * 7 * 16)), _layout.Slice(tape, x, _w3), _layout.Slice(tape, x, _b3)));
        return Dense(tape, hidden, _layout.Slice(tape, x, _w4), _layout.Slice(tape, x, _b4));
    }
}
