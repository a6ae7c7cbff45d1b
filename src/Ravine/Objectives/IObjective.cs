namespace Ravine.Objectives;

/// <summary>
/// A differentiable objective f: R^n → R. One call is one <em>oracle call</em>: it returns f(x) and
/// writes ∇f(x) into a caller-owned span, so the hot loop of a method allocates nothing.
/// </summary>
/// <remarks>
/// Implementations must not keep references to <c>x</c> or <c>gradient</c> after returning and must
/// write every entry of <c>gradient</c>. Optional knowledge about the problem (its minimal value f*,
/// the distance to its solution set) is expressed by also implementing
/// <see cref="IKnowsOptimalValue"/>, <see cref="IKnowsDistanceToSolutions"/>.
/// </remarks>
public interface IObjective
{
    /// <summary>The number n of variables.</summary>
    int Dimension { get; }

    /// <summary>Evaluates f and its gradient at <paramref name="x"/>.</summary>
    /// <param name="x">The point, of length <see cref="Dimension"/>.</param>
    /// <param name="gradient">Receives ∇f(x); of length <see cref="Dimension"/>.</param>
    /// <returns>f(x).</returns>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);
}

/// <summary>An objective whose minimal value f* is known (over-parameterized problems often have f* = 0).</summary>
public interface IKnowsOptimalValue
{
    /// <summary>The minimal value f* = min f.</summary>
    double OptimalValue { get; }
}

/// <summary>An objective that can measure the distance from a point to its set of minimizers.</summary>
public interface IKnowsDistanceToSolutions
{
    /// <summary>dist(x, S), the Euclidean distance from <paramref name="x"/> to the solution set S.</summary>
    double DistanceToSolutions(ReadOnlySpan<double> x);
}
