using System.Numerics.Tensors;

namespace Ravine.Autodiff;

/// <summary>The elementwise sum, difference or product of two tensors of one shape.</summary>
/// <remarks>For Y = A ⊙ B: ∇A += ∇Y ⊙ B, ∇B += ∇Y ⊙ A; Ẏ = Ȧ ⊙ B + A ⊙ Ḃ; (∇A)˙ += (∇Y)˙ ⊙ B + ∇Y ⊙ Ḃ and
/// symmetrically. Sum and difference are linear.</remarks>
internal sealed class BinaryNode : TapeNode
{
    public enum Kind { Add, Subtract, Multiply }

    private Tensor _a = null!, _b = null!;
    private Kind _kind;

    public void Define(Tape tape, Tensor a, Tensor b, Kind kind)
    {
        if (a.Shape != b.Shape)
            throw new ArgumentException($"{kind} takes tensors of one shape; got {a.Shape} and {b.Shape}.");
        (_a, _b, _kind) = (a, b, kind);
        Output.Define(a.Shape, a.RequiresGradient || b.RequiresGradient, tape.RecordsTangents);
        Span<double> y = Output.V;
        switch (kind)
        {
            case Kind.Add: TensorPrimitives.Add(a.V, b.V, y); break;
            case Kind.Subtract: TensorPrimitives.Subtract(a.V, b.V, y); break;
            default: TensorPrimitives.Multiply(a.V, b.V, y); break;
        }
        if (!Output.HasTangent) return;
        Span<double> t = Output.T;
        t.Clear();
        if (a.HasTangent)
        {
            if (kind == Kind.Multiply) TensorPrimitives.MultiplyAdd(a.T, b.V, t, t);
            else TensorPrimitives.Add(t, a.T, t);
        }
        if (b.HasTangent)
        {
            if (kind == Kind.Multiply) TensorPrimitives.MultiplyAdd(a.V, b.T, t, t);
            else if (kind == Kind.Add) TensorPrimitives.Add(t, b.T, t);
            else TensorPrimitives.Subtract(t, b.T, t);
        }
    }

    public override void Backward(Tape tape)
    {
        Tensor a = _a, b = _b, y = Output;
        if (_kind == Kind.Multiply)
        {
            if (a.RequiresGradient) Product(y, b, a);
            if (b.RequiresGradient) Product(y, a, b);
            return;
        }
        if (a.RequiresGradient)
        {
            TensorPrimitives.Add(a.G, y.G, a.G);
            if (a.HasTangent) TensorPrimitives.Add(a.GT, y.GT, a.GT);
        }
        if (b.RequiresGradient)
        {
            if (_kind == Kind.Add) TensorPrimitives.Add(b.G, y.G, b.G);
            else TensorPrimitives.Subtract(b.G, y.G, b.G);
            if (!b.HasTangent) return;
            if (_kind == Kind.Add) TensorPrimitives.Add(b.GT, y.GT, b.GT);
            else TensorPrimitives.Subtract(b.GT, y.GT, b.GT);
        }
    }

    /// <summary>The backward rule of a product into <paramref name="target"/>, whose partner factor is <paramref name="other"/>.</summary>
    private static void Product(Tensor y, Tensor other, Tensor target)
    {
        TensorPrimitives.MultiplyAdd(y.G, other.V, target.G, target.G);
        if (!target.HasTangent) return;
        TensorPrimitives.MultiplyAdd(y.GT, other.V, target.GT, target.GT);
        if (other.HasTangent) TensorPrimitives.MultiplyAdd(y.G, other.T, target.GT, target.GT);
    }
}
