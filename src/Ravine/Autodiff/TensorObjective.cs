using Ravine.Objectives;

namespace Ravine.Autodiff;

/// <summary>
/// An objective written as a tensor program: its gradient comes from the tape, exact, so a user writes only the loss.
/// Usable with every method; it also gives exact Hessian-vector products.
/// </summary>
/// <remarks>
/// One tape serves every call, so after the first call an evaluation allocates nothing (when the program itself does
/// not). Like the problems, an instance is evaluated from one thread at a time.
/// </remarks>
public sealed class TensorObjective : IObjective
{
    private readonly TensorProgram _program;
    private readonly Tape _tape;

    private TensorObjective(int dimension, TensorProgram program, int threads)
    {
        Dimension = dimension;
        _program = program;
        _tape = new Tape(threads);
    }

    /// <summary>The objective x ↦ <paramref name="program"/>(tape, x) on R^<paramref name="dimension"/>.</summary>
    /// <param name="dimension">The number of variables (≥ 1).</param>
    /// <param name="program">Records the loss on the tape from the variable vector.</param>
    /// <param name="threads">The most threads its matrix products use; the results do not depend on it.</param>
    public static TensorObjective Create(int dimension, TensorProgram program, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentNullException.ThrowIfNull(program);
        return new TensorObjective(dimension, program, threads);
    }

    /// <inheritdoc/>
    public int Dimension { get; }

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var variables = Record(x, default, tangents: false);
        var loss = Loss(variables);
        _tape.Backward(loss);
        variables.Gradient.CopyTo(gradient);
        return loss.Scalar;
    }

    /// <summary>Writes the exact Hessian-vector product ∇²f(x)·<paramref name="direction"/> (forward-over-reverse) and
    /// returns f(x).</summary>
    public double HessianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> direction, Span<double> product)
    {
        if (direction.Length != Dimension)
            throw new ArgumentException($"A direction of {direction.Length} entries for {Dimension} variables.", nameof(direction));
        var variables = Record(x, direction, tangents: true);
        var loss = Loss(variables);
        _tape.Backward(loss);
        variables.GradientTangent.CopyTo(product);
        return loss.Scalar;
    }

    private Tensor Record(ReadOnlySpan<double> x, ReadOnlySpan<double> direction, bool tangents)
    {
        if (x.Length != Dimension)
            throw new ArgumentException($"A point of {x.Length} entries for {Dimension} variables.", nameof(x));
        _tape.Reset(tangents);
        return _tape.Variable(x, direction);
    }

    private Tensor Loss(Tensor variables)
    {
        var loss = _program(_tape, variables);
        if (loss is null || loss.Length != 1)
            throw new InvalidOperationException($"A tensor program returns a scalar loss; this one returned {(loss is null ? "null" : $"shape {loss.Shape}")}.");
        if (!loss.RequiresGradient)
            throw new InvalidOperationException("The tensor program's loss does not depend on its variables.");
        return loss;
    }
}
