using System.Numerics.Tensors;

namespace Ravine.Autodiff;

/// <summary>An elementwise function y = φ(x): ReLU, tanh, the logistic sigmoid, exp, log, the square, or a scaling.</summary>
/// <remarks>
/// Backward: ∇x += ∇y ⊙ φ′(x). Tangents: ẏ = φ′(x) ⊙ ẋ, and (∇x)˙ += (∇y)˙ ⊙ φ′(x) + ∇y ⊙ φ″(x) ⊙ ẋ. The
/// derivatives come from the output where that is cheaper: tanh′ = 1 − y², σ′ = y(1 − y), exp′ = y. ReLU′ is 1 for
/// x &gt; 0 and 0 otherwise (0 at the kink), and ReLU″ = 0.
/// </remarks>
internal sealed class UnaryNode : TapeNode
{
    public enum Kind { Relu, Tanh, Sigmoid, Exp, Log, Square, Scale }

    private Tensor _x = null!;
    private Kind _kind;
    private double _factor;
    private double[] _first = [], _second = [];

    public void Define(Tape tape, Tensor x, Kind kind, double factor = 1)
    {
        (_x, _kind, _factor) = (x, kind, factor);
        Output.Define(x.Shape, x.RequiresGradient, tape.RecordsTangents);
        ReadOnlySpan<double> xs = x.V;
        Span<double> y = Output.V;
        switch (kind)
        {
            case Kind.Relu: TensorPrimitives.Max(xs, 0.0, y); break;
            case Kind.Tanh: TensorPrimitives.Tanh(xs, y); break;
            case Kind.Sigmoid: TensorPrimitives.Sigmoid(xs, y); break;
            case Kind.Exp: TensorPrimitives.Exp(xs, y); break;
            case Kind.Log: TensorPrimitives.Log(xs, y); break;
            case Kind.Square: TensorPrimitives.Multiply(xs, xs, y); break;
            default: TensorPrimitives.Multiply(xs, factor, y); break;
        }
        if (!x.RequiresGradient) return;
        int n = x.Length;
        Tensor.Ensure(ref _first, n);
        Span<double> d1 = _first.AsSpan(0, n);
        for (int i = 0; i < n; i++) d1[i] = First(xs[i], y[i]);
        if (Output.HasTangent) TensorPrimitives.Multiply(d1, x.T, Output.T);
        if (!tape.RecordsTangents) return;
        Tensor.Ensure(ref _second, n);
        Span<double> d2 = _second.AsSpan(0, n);
        for (int i = 0; i < n; i++) d2[i] = Second(xs[i], y[i]);
    }

    public override void Backward(Tape tape)
    {
        int n = Output.Length;
        ReadOnlySpan<double> d1 = _first.AsSpan(0, n);
        TensorPrimitives.MultiplyAdd(Output.G, d1, _x.G, _x.G);
        if (!Output.HasTangent) return;
        TensorPrimitives.MultiplyAdd(Output.GT, d1, _x.GT, _x.GT);
        if (_kind is Kind.Relu or Kind.Scale) return;
        Span<double> gt = _x.GT;
        ReadOnlySpan<double> g = Output.G, d2 = _second.AsSpan(0, n), t = _x.T;
        for (int i = 0; i < n; i++) gt[i] += g[i] * d2[i] * t[i];
    }

    private double First(double x, double y) => _kind switch
    {
        Kind.Relu => x > 0 ? 1 : 0,
        Kind.Tanh => 1 - y * y,
        Kind.Sigmoid => y * (1 - y),
        Kind.Exp => y,
        Kind.Log => 1 / x,
        Kind.Square => 2 * x,
        _ => _factor,
    };

    private double Second(double x, double y) => _kind switch
    {
        Kind.Tanh => -2 * y * (1 - y * y),
        Kind.Sigmoid => y * (1 - y) * (1 - 2 * y),
        Kind.Exp => y,
        Kind.Log => -1 / (x * x),
        Kind.Square => 2,
        _ => 0,
    };
}
