using Ravine.Autodiff;
using Ravine.Randomness;

namespace Ravine.Networks;

/// <summary>
/// Where each weight matrix and bias of a network sits in its parameter vector, in the order they are declared, and
/// how each is initialized: Gaussian weights of standard deviation √(gain/fan-in) — He (gain 2) before a ReLU,
/// Glorot-like (gain 1) before tanh or a sigmoid — and zero biases.
/// </summary>
internal sealed class ParameterLayout
{
    private readonly List<(int Offset, TensorShape Shape, double Deviation)> _blocks = [];

    /// <summary>The number of parameters declared so far.</summary>
    public int Dimension { get; private set; }

    /// <summary>Declares a weight block of <paramref name="shape"/> with fan-in <paramref name="fanIn"/>; returns its index.</summary>
    public int Weights(TensorShape shape, int fanIn, double gain) => Declare(shape, Math.Sqrt(gain / fanIn));

    /// <summary>Declares a bias of <paramref name="length"/> entries (initially 0); returns its index.</summary>
    public int Bias(int length) => Declare(new TensorShape(length), 0);

    /// <summary>Block <paramref name="index"/> of the parameter vector <paramref name="x"/>, recorded on the tape.</summary>
    public Tensor Slice(Tape tape, Tensor x, int index) => tape.Slice(x, _blocks[index].Offset, _blocks[index].Shape);

    /// <summary>The seeded initial parameters: the blocks drawn in declaration order from one generator.</summary>
    public void Initialize(ulong seed, Span<double> x)
    {
        if (x.Length != Dimension)
            throw new ArgumentException($"A parameter vector of {x.Length} entries for {Dimension} parameters.", nameof(x));
        var random = new Xoshiro256StarStar(seed);
        foreach (var (offset, shape, deviation) in _blocks)
        {
            Span<double> block = x.Slice(offset, shape.Length);
            if (deviation == 0) block.Clear();
            else
                for (int i = 0; i < block.Length; i++) block[i] = deviation * random.NextGaussian();
        }
    }

    private int Declare(TensorShape shape, double deviation)
    {
        _blocks.Add((Dimension, shape, deviation));
        Dimension += shape.Length;
        return _blocks.Count - 1;
    }
}
