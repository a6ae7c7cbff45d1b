namespace Ravine.Objectives;

/// <summary>Builds <see cref="IObjective"/> instances from delegates, for quick use.</summary>
public static class Objective
{
    /// <summary>Wraps a delegate that computes f and ∇f together.</summary>
    /// <param name="dimension">The number of variables (≥ 1).</param>
    /// <param name="valueAndGradient">Returns f(x) and writes ∇f(x).</param>
    /// <param name="optimalValue">f*, when known; it is then used for the gap in traces.</param>
    /// <param name="distance">dist(x, S), when known; the trace then records it (it must not allocate, like f, to keep
    /// the loop allocation-free).</param>
    public static IObjective Create(int dimension, Func<ReadOnlySpan<double>, Span<double>, double> valueAndGradient, double? optimalValue = null, Func<ReadOnlySpan<double>, double>? distance = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentNullException.ThrowIfNull(valueAndGradient);
        if (optimalValue is double f && !double.IsFinite(f))
            throw new ArgumentOutOfRangeException(nameof(optimalValue), f, "The optimal value f* must be finite.");
        // The interfaces say what is known, so an unknown f* or distance must not be implemented at all.
        return (optimalValue, distance) switch
        {
            (double known, null) => new DelegateObjectiveWithOptimum(dimension, valueAndGradient, known),
            (double known, { } d) => new DelegateObjectiveWithOptimumAndDistance(dimension, valueAndGradient, known, d),
            (null, { } d) => new DelegateObjectiveWithDistance(dimension, valueAndGradient, d),
            _ => new DelegateObjective(dimension, valueAndGradient),
        };
    }

    /// <summary>Wraps separate value and gradient functions on arrays (convenient, but allocates a copy of x per call).</summary>
    public static IObjective Create(int dimension, Func<double[], double> value, Action<double[], double[]> gradient, double? optimalValue = null,
        Func<ReadOnlySpan<double>, double>? distance = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(gradient);
        return Create(dimension, (x, g) =>
        {
            var xs = x.ToArray();
            var gs = new double[xs.Length];
            gradient(xs, gs);
            gs.CopyTo(g);
            return value(xs);
        }, optimalValue, distance);
    }

    private class DelegateObjective(int dimension, Func<ReadOnlySpan<double>, Span<double>, double> valueAndGradient) : IObjective
    {
        public int Dimension => dimension;
        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient) => valueAndGradient(x, gradient);
    }

    private sealed class DelegateObjectiveWithOptimum(int dimension, Func<ReadOnlySpan<double>, Span<double>, double> valueAndGradient, double optimalValue)
        : DelegateObjective(dimension, valueAndGradient), IKnowsOptimalValue
    {
        public double OptimalValue => optimalValue;
    }

    private class DelegateObjectiveWithDistance(int dimension, Func<ReadOnlySpan<double>, Span<double>, double> valueAndGradient, Func<ReadOnlySpan<double>, double> distance)
        : DelegateObjective(dimension, valueAndGradient), IKnowsDistanceToSolutions
    {
        public double DistanceToSolutions(ReadOnlySpan<double> x) => distance(x);
    }

    private sealed class DelegateObjectiveWithOptimumAndDistance(int dimension, Func<ReadOnlySpan<double>, Span<double>, double> valueAndGradient, double optimalValue,
        Func<ReadOnlySpan<double>, double> distance) : DelegateObjectiveWithDistance(dimension, valueAndGradient, distance), IKnowsOptimalValue
    {
        public double OptimalValue => optimalValue;
    }
}
