using Ravine.Autodiff;

namespace Ravine.Networks;

/// <summary>
/// <c>autoencoder</c>: 784–128–32–128–784 with tanh inner layers and a sigmoid output, trained to reconstruct the
/// pixels under the mean squared error: 209,968 parameters, Glorot-like initialization.
/// </summary>
/// <remarks>
/// A stand-in for a generative model whose minima are degenerate by symmetry: any invertible map of the 32-unit code
/// that the next layer undoes leaves the loss unchanged along a whole manifold (exactly so for the sign flips and
/// permutations of tanh units, approximately for small rotations), so the Hessian at a minimizer is singular. A training
/// step costs 1,052,672 FLOP per example in its matrix products: three times the forward pass's
/// 2·(2·784·128 + 2·128·32), less the never-formed input gradient of the first layer.
/// </remarks>
public sealed class Autoencoder : NetworkModel
{
    private readonly ParameterLayout _layout = new();
    private readonly int _w1, _b1, _w2, _b2, _w3, _b3, _w4, _b4;

    /// <summary>The network on <paramref name="data"/>, its products on up to <paramref name="threads"/> threads.</summary>
    public Autoencoder(FashionMnistSplit data, int threads = 1) : base(data, threads)
    {
        (_w1, _b1) = (_layout.Weights(new(784, 128), 784, 1), _layout.Bias(128));
        (_w2, _b2) = (_layout.Weights(new(128, 32), 128, 1), _layout.Bias(32));
        (_w3, _b3) = (_layout.Weights(new(32, 128), 32, 1), _layout.Bias(128));
        (_w4, _b4) = (_layout.Weights(new(128, 784), 128, 1), _layout.Bias(784));
    }

    /// <inheritdoc/>
    public override string Name => "autoencoder";

    /// <inheritdoc/>
    public override string Architecture => "784–128–32–128–784, tanh, sigmoid output, mean squared error";

    /// <inheritdoc/>
    public override bool IsClassifier => false;

    private protected override ParameterLayout Layout => _layout;

    private protected override Tensor Forward(Tape tape, Tensor x, Tensor images)
    {
        var h1 = tape.Tanh(Dense(tape, images, _layout.Slice(tape, x, _w1), _layout.Slice(tape, x, _b1)));
        var code = tape.Tanh(Dense(tape, h1, _layout.Slice(tape, x, _w2), _layout.Slice(tape, x, _b2)));
        var h3 = tape.Tanh(Dense(tape, code, _layout.Slice(tape, x, _w3), _layout.Slice(tape, x, _b3)));
        return tape.Sigmoid(Dense(tape, h3, _layout.Slice(tape, x, _w4), _layout.Slice(tape, x, _b4)));
    }
}
