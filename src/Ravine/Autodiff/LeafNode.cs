namespace Ravine.Autodiff;

/// <summary>A tensor given from outside: a variable (differentiated, with a tangent when the tape records them) or a constant input.</summary>
internal sealed class LeafNode : TapeNode
{
    public void Define(Tape tape, ReadOnlySpan<double> values, TensorShape shape, bool variable, ReadOnlySpan<double> tangent)
    {
        if (values.Length != shape.Length && !values.IsEmpty)
            throw new ArgumentException($"{values.Length} values for a tensor of shape {shape} ({shape.Length} entries).", nameof(values));
        Output.Define(shape, variable, tape.RecordsTangents);
        if (!values.IsEmpty) values.CopyTo(Output.V);
        if (!Output.HasTangent) return;
        if (tangent.IsEmpty) Output.T.Clear();
        else if (tangent.Length != shape.Length)
            throw new ArgumentException($"A tangent of {tangent.Length} entries for a variable of {shape.Length}.", nameof(tangent));
        else tangent.CopyTo(Output.T);
    }

    public override void Backward(Tape tape) { }
}
