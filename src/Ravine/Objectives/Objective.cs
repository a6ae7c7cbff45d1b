namespace Ravine.Objectives;

/// <summary>f(x) and ∇f(x) in one call: returns f and writes the gradient into <paramref name="gradient"/>.</summary>
public delegate double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient);

/// <summary>Builds <see cref="IObjective"/> instances from delegates, for quick use.</summary>
public static class Objective
{
    /// <summary>Wraps a delegate that computes f and ∇f together.</summary>
    /// <param name="dimension">The number of variables (≥ 1).</param>
    /// <param name="valueAndGradient">Returns f(x) and writes ∇f(x).</param>
    /// <param name="optimalValue">f*, when known; it is then used for the gap in traces.</param>
    public static IObjective Create(int dimension, ValueAndGradient valueAndGradient, double? optimalValue = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentNullException.ThrowIfNull(valueAndGradient);
        if (optimalValue is double f && !double.IsFinite(f))
            throw new ArgumentOutOfRangeException(nameof(optimalValue), f, "The optimal value f* must be finite.");
        return optimalValue is double known
            ? new DelegateObjectiveWithOptimum(dimension, valueAndGradient, known)
            : new DelegateObjective(dimension, valueAndGradient);
    }

    /// <summary>Wraps separate value and gradient functions on arrays (convenient, but allocates a copy of x per call).</summary>
    public static IObjective Create(int dimension, Func<double[], double> value, Action<double[], double[]> gradient, double? optimalValue = null)
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
        }, optimalValue);
    }

    private class DelegateObjective(int dimension, ValueAndGradient valueAndGradient) : IObjective
    {
        public int Dimension => dimension;
        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient) => valueAndGradient(x, gradient);
    }

    private sealed class DelegateObjectiveWithOptimum(int dimension, ValueAndGradient valueAndGradient, double optimalValue)
        : DelegateObjective(dimension, valueAndGradient), IKnowsOptimalValue
    {
        public double OptimalValue => optimalValue;
    }
}
