using Ravine.Autodiff;

namespace Ravine.Networks;

/// <summary>
/// <c>mlp</c>: a fully connected classifier 784–256–128–10 with ReLU hidden layers and the softmax cross-entropy,
/// 235,146 parameters; He initialization.
/// </summary>
/// <remarks>A training step (forward and backward) costs 1,007,104 FLOP per example in its matrix products: three
/// times the forward pass's 2·(784·256 + 256·128 + 128·10), less the input gradient of the first layer, which is never
/// formed (the images are constants).</remarks>
public sealed class MultilayerPerceptron : NetworkModel
{
    private readonly ParameterLayout _layout = new();
    private readonly int _w1, _b1, _w2, _b2, _w3, _b3;

    /// <summary>The network on <paramref name="data"/>, its products on up to <paramref name="threads"/> threads.</summary>
    public MultilayerPerceptron(FashionMnistSplit data, int threads = 1) : base(data, threads)
    {
        (_w1, _b1) = (_layout.Weights(new(784, 256), 784, 2), _layout.Bias(256));
        (_w2, _b2) = (_layout.Weights(new(256, 128), 256, 2), _layout.Bias(128));
        (_w3, _b3) = (_layout.Weights(new(128, 10), 128, 1), _layout.Bias(10));
    }

    /// <inheritdoc/>
    public override string Name => "mlp";

    /// <inheritdoc/>
    public override string Architecture => "784–256–128–10, ReLU, softmax cross-entropy";

    /// <inheritdoc/>
    public override bool IsClassifier => true;

    private protected override ParameterLayout Layout => _layout;

    private protected override Tensor Forward(Tape tape, Tensor x, Tensor images)
    {
        var h1 = tape.Relu(Dense(tape, images, _layout.Slice(tape, x, _w1), _layout.Slice(tape, x, _b1)));
        var h2 = tape.Relu(Dense(tape, h1, _layout.Slice(tape, x, _w2), _layout.Slice(tape, x, _b2)));
        return Dense(tape, h2, _layout.Slice(tape, x, _w3), _layout.Slice(tape, x, _b3));
    }
}
