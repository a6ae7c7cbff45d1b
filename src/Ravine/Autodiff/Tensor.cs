namespace Ravine.Autodiff;

/// <summary>
/// A value recorded on a <see cref="Tape"/>: a shape and its entries in double precision, with, after
/// <see cref="Tape.Backward"/>, the gradient of the loss with respect to it, and in a tape recording tangents
/// (<see cref="Tape.Reset"/>), the directional derivative of both along the variables' tangent.
/// </summary>
/// <remarks>
/// A tensor belongs to its tape and is valid until the tape's next <see cref="Tape.Reset"/>: the tape reuses its
/// buffers for the next recording, which is what lets a training step allocate nothing after the first.
/// </remarks>
public sealed class Tensor
{
    internal double[] ValueBuffer = [], GradientBuffer = [], TangentBuffer = [], GradientTangentBuffer = [];

    internal Tensor() { }

    /// <summary>The shape.</summary>
    public TensorShape Shape { get; private set; }

    /// <summary>The number of entries.</summary>
    public int Length => Shape.Length;

    /// <summary>Whether the tensor depends on a variable, so that it has a gradient (otherwise it is a constant).</summary>
    public bool RequiresGradient { get; private set; }

    /// <summary>Whether the tensor carries tangents (it depends on a variable and its tape records tangents).</summary>
    internal bool HasTangent { get; private set; }

    /// <summary>The entries, row-major.</summary>
    public ReadOnlySpan<double> Value => ValueBuffer.AsSpan(0, Length);

    /// <summary>The single entry of a scalar (a tensor of one entry), such as a loss.</summary>
    public double Scalar => Length == 1 ? ValueBuffer[0] : throw new InvalidOperationException($"A tensor of shape {Shape} is not a scalar.");

    /// <summary>∂loss/∂entry after <see cref="Tape.Backward"/>; empty for a constant.</summary>
    public ReadOnlySpan<double> Gradient => RequiresGradient ? GradientBuffer.AsSpan(0, Length) : default;

    /// <summary>The derivative of the entries along the variables' tangent; empty unless the tape records tangents.</summary>
    public ReadOnlySpan<double> Tangent => HasTangent ? TangentBuffer.AsSpan(0, Length) : default;

    /// <summary>
    /// The derivative of <see cref="Gradient"/> along the variables' tangent after <see cref="Tape.Backward"/>: for a
    /// variable x with tangent v, this is the Hessian-vector product ∇²loss·v. Empty unless the tape records tangents.
    /// </summary>
    public ReadOnlySpan<double> GradientTangent => HasTangent ? GradientTangentBuffer.AsSpan(0, Length) : default;

    internal Span<double> V => ValueBuffer.AsSpan(0, Length);
    internal Span<double> G => GradientBuffer.AsSpan(0, Length);
    internal Span<double> T => TangentBuffer.AsSpan(0, Length);
    internal Span<double> GT => GradientTangentBuffer.AsSpan(0, Length);

    /// <summary>Sets the shape and makes the buffers large enough, reusing them when they are.</summary>
    internal void Define(TensorShape shape, bool requiresGradient, bool tangents)
    {
        Shape = shape;
        RequiresGradient = requiresGradient;
        HasTangent = requiresGradient && tangents;
        int length = shape.Length;
        Ensure(ref ValueBuffer, length);
        if (requiresGradient) Ensure(ref GradientBuffer, length);
        if (HasTangent)
        {
            Ensure(ref TangentBuffer, length);
            Ensure(ref GradientTangentBuffer, length);
        }
    }

    /// <summary>Zeroes the gradient (and its tangent) before a backward pass accumulates into it.</summary>
    internal void ClearGradient()
    {
        if (!RequiresGradient) return;
        G.Clear();
        if (HasTangent) GT.Clear();
    }

    internal static void Ensure(ref double[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new double[length];
    }

    /// <summary>The shape, and the value of a scalar.</summary>
    public override string ToString() => Length == 1 ? $"Tensor {Shape} = {ValueBuffer[0]}" : $"Tensor {Shape}";
}
