using System.Numerics.Tensors;

namespace Ravine.Optimization;

/// <summary>
/// The current point of a run together with f and ∇f at it. Methods move it; the
/// <see cref="Oracle"/> keeps its value and gradient in step with its point.
/// </summary>
public sealed class Iterate
{
    private readonly double[] _x;
    private readonly double[] _gradient;

    /// <summary>Creates an iterate of the given dimension (methods use extra ones for line-search trials).</summary>
    public Iterate(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        _x = new double[dimension];
        _gradient = new double[dimension];
    }

    /// <summary>The number of variables.</summary>
    public int Dimension => _x.Length;

    /// <summary>The point x. Methods may write it, then must call <see cref="Oracle.Evaluate(Iterate)"/>.</summary>
    public Span<double> X => _x;

    /// <summary>∇f at the last evaluated point.</summary>
    public ReadOnlySpan<double> Gradient => _gradient;

    internal Span<double> GradientStorage => _gradient;

    /// <summary>f at the last evaluated point.</summary>
    public double Value { get; internal set; }

    /// <summary>‖∇f‖² at the last evaluated point.</summary>
    public double GradientNormSquared { get; internal set; }

    /// <summary>‖∇f‖ at the last evaluated point.</summary>
    public double GradientNorm => Math.Sqrt(GradientNormSquared);

    /// <summary>x ← x − t ∇f(x). Does not evaluate the oracle.</summary>
    public void MoveAlongNegativeGradient(double stepsize) =>
        TensorPrimitives.MultiplyAdd(_gradient, -stepsize, _x, _x);

    /// <summary>Copies a point, its value and gradient from another iterate of the same dimension.</summary>
    public void CopyFrom(Iterate other)
    {
        other._x.CopyTo(_x, 0);
        other._gradient.CopyTo(_gradient, 0);
        Value = other.Value;
        GradientNormSquared = other.GradientNormSquared;
    }
}
