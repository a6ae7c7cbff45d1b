namespace Ravine.Autodiff;

/// <summary>The mean squared error L = (1/m) Σ (pₖ − tₖ)² over the m entries of a prediction P and a target T of one shape.</summary>
/// <remarks>With R = P − T: ∇P += ∇L·2R/m, ∇T −= ∇L·2R/m. Tangents: L̇ = (2/m) Σ rₖ ṙₖ and
/// (∇P)˙ += (∇L)˙·2R/m + ∇L·2Ṙ/m.</remarks>
internal sealed class MeanSquaredErrorNode : TapeNode
{
    private Tensor _p = null!, _t = null!;
    private double[] _r = [], _rTangent = [];

    public void Define(Tape tape, Tensor prediction, Tensor target)
    {
        if (prediction.Shape != target.Shape)
            throw new ArgumentException($"The mean squared error compares tensors of one shape; got {prediction.Shape} and {target.Shape}.");
        (_p, _t) = (prediction, target);
        int m = prediction.Length;
        Output.Define(new TensorShape(1), prediction.RequiresGradient || target.RequiresGradient, tape.RecordsTangents);
        Tensor.Ensure(ref _r, m);
        Span<double> r = _r.AsSpan(0, m);
        System.Numerics.Tensors.TensorPrimitives.Subtract(prediction.V, target.V, r);
        double squares = 0;
        foreach (double v in r) squares += v * v;
        Output.V[0] = squares / m;
        if (!Output.HasTangent) return;
        Tensor.Ensure(ref _rTangent, m);
        Span<double> rt = _rTangent.AsSpan(0, m);
        if (prediction.HasTangent) prediction.T.CopyTo(rt);
        else rt.Clear();
        if (target.HasTangent) System.Numerics.Tensors.TensorPrimitives.Subtract(rt, target.T, rt);
        double inner = 0;
        for (int k = 0; k < m; k++) inner += r[k] * rt[k];
        Output.T[0] = 2 * inner / m;
    }

    public override void Backward(Tape tape)
    {
        int m = _p.Length;
        double scale = 2 * Output.G[0] / m;
        ReadOnlySpan<double> r = _r.AsSpan(0, m);
        if (_p.RequiresGradient) Add(_p.G, r, scale);
        if (_t.RequiresGradient) Add(_t.G, r, -scale);
        if (!Output.HasTangent) return;
        double scaleTangent = 2 * Output.GT[0] / m;
        ReadOnlySpan<double> rt = _rTangent.AsSpan(0, m);
        if (_p.HasTangent)
        {
            Add(_p.GT, r, scaleTangent);
            Add(_p.GT, rt, scale);
        }
        if (_t.HasTangent)
        {
            Add(_t.GT, r, -scaleTangent);
            Add(_t.GT, rt, -scale);
        }
    }

    private static void Add(Span<double> target, ReadOnlySpan<double> source, double factor) =>
        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(source, factor, target, target);
}
