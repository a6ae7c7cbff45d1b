namespace Ravine.Autodiff;

/// <summary>Y = X + b with b added along the last dimension (to every row of a matrix, every pixel's channels of an
/// image batch).</summary>
/// <remarks>Backward: ∇X += ∇Y, ∇b += the sum of ∇Y's rows, in row order. Linear, so the tangent rules are the same
/// rules applied to the tangents.</remarks>
internal sealed class BiasNode : TapeNode
{
    private Tensor _x = null!, _bias = null!;

    public void Define(Tape tape, Tensor x, Tensor bias)
    {
        if (bias.Length != x.Shape.Last)
            throw new ArgumentException($"A bias of {bias.Length} entries for a tensor of shape {x.Shape} (its last dimension is {x.Shape.Last}).");
        (_x, _bias) = (x, bias);
        Output.Define(x.Shape, x.RequiresGradient || bias.RequiresGradient, tape.RecordsTangents);
        AddRows(x.V, bias.V, Output.V);
        if (!Output.HasTangent) return;
        if (x.HasTangent) x.T.CopyTo(Output.T);
        else Output.T.Clear();
        if (bias.HasTangent) AddRows(Output.T, bias.T, Output.T);
    }

    public override void Backward(Tape tape)
    {
        if (_x.RequiresGradient) SliceNode.Accumulate(_x.G, Output.G);
        if (_bias.RequiresGradient) SumRows(Output.G, _bias.G);
        if (!Output.HasTangent) return;
        if (_x.HasTangent) SliceNode.Accumulate(_x.GT, Output.GT);
        if (_bias.HasTangent) SumRows(Output.GT, _bias.GT);
    }

    private static void AddRows(ReadOnlySpan<double> x, ReadOnlySpan<double> bias, Span<double> y)
    {
        int c = bias.Length;
        for (int at = 0; at < x.Length; at += c)
            System.Numerics.Tensors.TensorPrimitives.Add(x.Slice(at, c), bias, y.Slice(at, c));
    }

    private static void SumRows(ReadOnlySpan<double> rows, Span<double> sum)
    {
        int c = sum.Length;
        for (int at = 0; at < rows.Length; at += c)
            System.Numerics.Tensors.TensorPrimitives.Add(sum, rows.Slice(at, c), sum);
    }
}
