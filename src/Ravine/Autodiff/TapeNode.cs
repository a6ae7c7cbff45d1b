namespace Ravine.Autodiff;

/// <summary>
/// One recorded operation: it computes its output (and, when the tape records tangents, the output's tangent) as it is
/// recorded, and in the backward pass adds its output's gradient (and that gradient's tangent) into its inputs'.
/// </summary>
/// <remarks>
/// The tangent rules are Pearlmutter's R-operator: the forward rule differentiates the forward pass along the
/// variables' tangent, the backward rule differentiates the backward pass, so a variable's gradient tangent is an exact
/// Hessian-vector product. A node is reused by the tape's next recording when the same operation comes at the same
/// place, which keeps its buffers.
/// </remarks>
internal abstract class TapeNode
{
    /// <summary>The tensor this operation produces.</summary>
    public Tensor Output { get; } = new();

    /// <summary>Adds the output's gradient (and its tangent) into the inputs'.</summary>
    public abstract void Backward(Tape tape);
}
