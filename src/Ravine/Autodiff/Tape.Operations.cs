namespace Ravine.Autodiff;

public sealed partial class Tape
{
    /// <summary>A variable: the loss is differentiated with respect to it.</summary>
    /// <param name="values">Its entries (copied).</param>
    /// <param name="shape">Its shape.</param>
    /// <param name="tangent">When recording tangents, the direction v of the Hessian-vector product (copied); empty
    /// means 0.</param>
    public Tensor Variable(ReadOnlySpan<double> values, TensorShape shape, ReadOnlySpan<double> tangent = default)
    {
        var node = Next<LeafNode>();
        node.Define(this, values, shape, variable: true, tangent);
        return node.Output;
    }

    /// <summary>A variable vector of the length of <paramref name="values"/>.</summary>
    public Tensor Variable(ReadOnlySpan<double> values, ReadOnlySpan<double> tangent = default) =>
        Variable(values, new TensorShape(values.Length), tangent);

    /// <summary>A constant (data, targets): no gradient flows into it.</summary>
    public Tensor Constant(ReadOnlySpan<double> values, TensorShape shape)
    {
        var node = Next<LeafNode>();
        node.Define(this, values, shape, variable: false, default);
        return node.Output;
    }

    /// <summary>A constant whose entries the caller writes into <paramref name="values"/> before the next operation
    /// (a mini-batch assembled in place).</summary>
    public Tensor Constant(TensorShape shape, out Span<double> values)
    {
        var node = Next<LeafNode>();
        node.Define(this, default, shape, variable: false, default);
        values = node.Output.V;
        return node.Output;
    }

    /// <summary>The entries <paramref name="offset"/>, … of <paramref name="x"/> under the shape <paramref name="shape"/>:
    /// how a parameter vector is cut into weights and biases.</summary>
    public Tensor Slice(Tensor x, int offset, TensorShape shape)
    {
        Own(x, nameof(x));
        var node = Next<SliceNode>();
        node.Define(this, x, offset, shape);
        return node.Output;
    }

    /// <summary>The same entries under another shape of the same length.</summary>
    public Tensor Reshape(Tensor x, TensorShape shape)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (shape.Length != x.Length)
            throw new ArgumentException($"Cannot reshape a tensor of shape {x.Shape} ({x.Length} entries) to {shape} ({shape.Length}).", nameof(shape));
        return Slice(x, 0, shape);
    }

    /// <summary>The matrix product A·B of an m×k and a k×n matrix.</summary>
    public Tensor MatMul(Tensor a, Tensor b)
    {
        Own(a, nameof(a));
        Own(b, nameof(b));
        var node = Next<MatMulNode>();
        node.Define(this, a, b);
        return node.Output;
    }

    /// <summary>X + b, with b added along the last dimension (to each row of a matrix, to each pixel's channels).</summary>
    public Tensor AddBias(Tensor x, Tensor bias)
    {
        Own(x, nameof(x));
        Own(bias, nameof(bias));
        var node = Next<BiasNode>();
        node.Define(this, x, bias);
        return node.Output;
    }

    /// <summary>A + B, elementwise.</summary>
    public Tensor Add(Tensor a, Tensor b) => Binary(a, b, BinaryNode.Kind.Add);

    /// <summary>A − B, elementwise.</summary>
    public Tensor Subtract(Tensor a, Tensor b) => Binary(a, b, BinaryNode.Kind.Subtract);

    /// <summary>A ⊙ B, elementwise.</summary>
    public Tensor Multiply(Tensor a, Tensor b) => Binary(a, b, BinaryNode.Kind.Multiply);

    /// <summary>max(x, 0), elementwise (derivative 0 at 0).</summary>
    public Tensor Relu(Tensor x) => Unary(x, UnaryNode.Kind.Relu);

    /// <summary>tanh x, elementwise.</summary>
    public Tensor Tanh(Tensor x) => Unary(x, UnaryNode.Kind.Tanh);

    /// <summary>The logistic sigmoid 1/(1 + e^−x), elementwise.</summary>
    public Tensor Sigmoid(Tensor x) => Unary(x, UnaryNode.Kind.Sigmoid);

    /// <summary>eˣ, elementwise.</summary>
    public Tensor Exp(Tensor x) => Unary(x, UnaryNode.Kind.Exp);

    /// <summary>ln x, elementwise.</summary>
    public Tensor Log(Tensor x) => Unary(x, UnaryNode.Kind.Log);

    /// <summary>x², elementwise.</summary>
    public Tensor Square(Tensor x) => Unary(x, UnaryNode.Kind.Square);

    /// <summary>c·x for a constant c.</summary>
    public Tensor Scale(Tensor x, double factor) => Unary(x, UnaryNode.Kind.Scale, factor);

    /// <summary>The sum of all entries, a scalar.</summary>
    public Tensor Sum(Tensor x) => Reduce(x, mean: false);

    /// <summary>The mean of all entries, a scalar.</summary>
    public Tensor Mean(Tensor x) => Reduce(x, mean: true);

    /// <summary>
    /// A 2-D convolution (stride 1) of images N×H×W×C with a <paramref name="kernel"/>×<paramref name="kernel"/> kernel
    /// and <paramref name="padding"/> zeros around each image; the weights are a (kernel·kernel·C)×F matrix, row
    /// (dy·kernel + dx)·C + c. The result is N×H′×W′×F; add a bias per filter with <see cref="AddBias"/>.
    /// </summary>
    public Tensor Conv2d(Tensor x, Tensor weights, int kernel, int padding)
    {
        Own(x, nameof(x));
        Own(weights, nameof(weights));
        var node = Next<Conv2dNode>();
        node.Define(this, x, weights, kernel, padding);
        return node.Output;
    }

    /// <summary>The maximum over each <paramref name="size"/>×<paramref name="size"/> window (stride size) of images N×H×W×C.</summary>
    public Tensor MaxPool(Tensor x, int size = 2) => Pool(x, size, max: true);

    /// <summary>The mean over each <paramref name="size"/>×<paramref name="size"/> window (stride size) of images N×H×W×C.</summary>
    public Tensor AvgPool(Tensor x, int size = 2) => Pool(x, size, max: false);

    /// <summary>The mean softmax cross-entropy of n×c logits against a class (0 to c − 1) per row, a scalar.</summary>
    public Tensor SoftmaxCrossEntropy(Tensor logits, ReadOnlySpan<int> labels)
    {
        Own(logits, nameof(logits));
        var node = Next<SoftmaxCrossEntropyNode>();
        node.Define(this, logits, labels);
        return node.Output;
    }

    /// <summary>The mean of (pₖ − tₖ)² over all entries, a scalar.</summary>
    public Tensor MeanSquaredError(Tensor prediction, Tensor target)
    {
        Own(prediction, nameof(prediction));
        Own(target, nameof(target));
        var node = Next<MeanSquaredErrorNode>();
        node.Define(this, prediction, target);
        return node.Output;
    }

    private Tensor Binary(Tensor a, Tensor b, BinaryNode.Kind kind)
    {
        Own(a, nameof(a));
        Own(b, nameof(b));
        var node = Next<BinaryNode>();
        node.Define(this, a, b, kind);
        return node.Output;
    }

    private Tensor Unary(Tensor x, UnaryNode.Kind kind, double factor = 1)
    {
        Own(x, nameof(x));
        var node = Next<UnaryNode>();
        node.Define(this, x, kind, factor);
        return node.Output;
    }

    private Tensor Reduce(Tensor x, bool mean)
    {
        Own(x, nameof(x));
        var node = Next<ReductionNode>();
        node.Define(this, x, mean);
        return node.Output;
    }

    private Tensor Pool(Tensor x, int size, bool max)
    {
        Own(x, nameof(x));
        var node = Next<PoolNode>();
        node.Define(this, x, size, max);
        return node.Output;
    }
}
