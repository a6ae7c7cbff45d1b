namespace Ravine.Optimization;

/// <summary>The point of least finite f seen in a run, the earliest on ties; the start until a finite f improves on it.</summary>
internal sealed class BestPoint
{
    private readonly double[] _x, _gradient;

    public BestPoint(int dimension)
    {
        _x = new double[dimension];
        _gradient = new double[dimension];
        Array.Fill(_gradient, double.NaN);
    }

    public double Value { get; private set; } = double.PositiveInfinity;

    public long Iteration { get; private set; }

    /// <summary>The start, before it is evaluated: it is the point of record even when f(x₀) is not finite.</summary>
    public void StartAt(ReadOnlySpan<double> x0) => x0.CopyTo(_x);

    /// <summary>Takes <paramref name="iterate"/> if its f is below the best so far.</summary>
    public void Offer(Iterate iterate, long iteration)
    {
        if (!(iterate.Value < Value)) return;
        (Value, Iteration) = (iterate.Value, iteration);
        iterate.X.CopyTo(_x);
        iterate.Gradient.CopyTo(_gradient);
    }

    public void Restore(RunCheckpoint checkpoint)
    {
        checkpoint.BestX.CopyTo(_x, 0);
        if (checkpoint.BestGradient is { } bestGradient) bestGradient.CopyTo(_gradient, 0);
        // A checkpoint written before the best gradient was saved knows it only when the best point is the current one.
        else if (checkpoint.BestIteration == checkpoint.Iteration) checkpoint.Gradient.CopyTo(_gradient, 0);
        (Value, Iteration) = (checkpoint.BestValue, checkpoint.BestIteration);
    }

    public double[] CopyX() => (double[])_x.Clone();

    public double[] CopyGradient() => (double[])_gradient.Clone();

    public MinimizeResult.Point ToPoint() => new(CopyX(), Value, CopyGradient());
}
