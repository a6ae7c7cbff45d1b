namespace Ravine.Autodiff;

/// <summary>Consecutive entries of a tensor under a new shape (a reshape is the slice of all of them): a parameter
/// vector cut into weight matrices and biases.</summary>
internal sealed class SliceNode : TapeNode
{
    private Tensor _input = null!;
    private int _offset;

    public void Define(Tape tape, Tensor input, int offset, TensorShape shape)
    {
        if (offset < 0 || (long)offset + shape.Length > input.Length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"Entries {offset} to {(long)offset + shape.Length - 1} of a tensor of {input.Length} entries.");
        (_input, _offset) = (input, offset);
        Output.Define(shape, input.RequiresGradient, tape.RecordsTangents);
        input.V.Slice(offset, shape.Length).CopyTo(Output.V);
        if (Output.HasTangent) input.T.Slice(offset, shape.Length).CopyTo(Output.T);
    }

    public override void Backward(Tape tape)
    {
        Accumulate(_input.G.Slice(_offset, Output.Length), Output.G);
        if (Output.HasTangent) Accumulate(_input.GT.Slice(_offset, Output.Length), Output.GT);
    }

    internal static void Accumulate(Span<double> target, ReadOnlySpan<double> source) =>
        System.Numerics.Tensors.TensorPrimitives.Add(target, source, target);
}
