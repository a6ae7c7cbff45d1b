namespace Ravine.Autodiff;

/// <summary>Y = A·B for A of m×k and B of k×n.</summary>
/// <remarks>Backward: ∇A += ∇Y·Bᵀ, ∇B += Aᵀ·∇Y. Tangents: Ẏ = Ȧ·B + A·Ḃ, and the backward rule's derivative
/// (∇A)˙ += (∇Y)˙·Bᵀ + ∇Y·Ḃᵀ, (∇B)˙ += Ȧᵀ·∇Y + Aᵀ·(∇Y)˙.</remarks>
internal sealed class MatMulNode : TapeNode
{
    private Tensor _a = null!, _b = null!;
    private int _m, _k, _n;

    public void Define(Tape tape, Tensor a, Tensor b)
    {
        if (a.Shape.Rank != 2 || b.Shape.Rank != 2 || a.Shape[1] != b.Shape[0])
            throw new ArgumentException($"MatMul multiplies an m×k by a k×n matrix; got {a.Shape} by {b.Shape}.");
        (_a, _b, _m, _k, _n) = (a, b, a.Shape[0], a.Shape[1], b.Shape[1]);
        Output.Define(new TensorShape(_m, _n), a.RequiresGradient || b.RequiresGradient, tape.RecordsTangents);
        tape.Multiply(a.V, false, b.V, false, Output.V, _m, _k, _n, false);
        if (!Output.HasTangent) return;
        Output.T.Clear();
        if (a.HasTangent) tape.Multiply(a.T, false, b.V, false, Output.T, _m, _k, _n, true);
        if (b.HasTangent) tape.Multiply(a.V, false, b.T, false, Output.T, _m, _k, _n, true);
    }

    public override void Backward(Tape tape)
    {
        Tensor a = _a, b = _b, y = Output;
        if (a.RequiresGradient)
        {
            tape.Multiply(y.G, false, b.V, true, a.G, _m, _n, _k, true);
            if (a.HasTangent)
            {
                tape.Multiply(y.GT, false, b.V, true, a.GT, _m, _n, _k, true);
                if (b.HasTangent) tape.Multiply(y.G, false, b.T, true, a.GT, _m, _n, _k, true);
            }
        }
        if (b.RequiresGradient)
        {
            tape.Multiply(a.V, true, y.G, false, b.G, _k, _m, _n, true);
            if (b.HasTangent)
            {
                tape.Multiply(a.V, true, y.GT, false, b.GT, _k, _m, _n, true);
                if (a.HasTangent) tape.Multiply(a.T, true, y.G, false, b.GT, _k, _m, _n, true);
            }
        }
    }
}
