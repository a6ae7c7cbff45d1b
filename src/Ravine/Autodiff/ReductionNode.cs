using System.Numerics.Tensors;

namespace Ravine.Autodiff;

/// <summary>The sum or the mean of all entries, a scalar.</summary>
/// <remarks>The sum runs in index order, so it is the same on every run. Linear: ∇x += ∇y·w with w = 1 or 1/n, and the
/// same for the tangents.</remarks>
internal sealed class ReductionNode : TapeNode
{
    private Tensor _x = null!;
    private double _weight;

    public void Define(Tape tape, Tensor x, bool mean)
    {
        _x = x;
        _weight = mean ? 1.0 / x.Length : 1.0;
        Output.Define(new TensorShape(1), x.RequiresGradient, tape.RecordsTangents);
        Output.V[0] = Sum(x.V) * _weight;
        if (Output.HasTangent) Output.T[0] = Sum(x.T) * _weight;
    }

    public override void Backward(Tape tape)
    {
        TensorPrimitives.Add(_x.G, Output.G[0] * _weight, _x.G);
        if (Output.HasTangent) TensorPrimitives.Add(_x.GT, Output.GT[0] * _weight, _x.GT);
    }

    /// <summary>Σ xᵢ left to right: not TensorPrimitives.Sum, whose order of the partial sums is its own.</summary>
    internal static double Sum(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x) s += v;
        return s;
    }
}
