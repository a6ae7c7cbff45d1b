namespace Ravine.Training;

/// <summary>What a stochastic method steps from: the parameters (updated in place), the batch, its mean loss and gradient.</summary>
public readonly ref struct MiniBatchStep
{
    /// <summary>Bundles one step's data.</summary>
    public MiniBatchStep(IMiniBatchObjective objective, Span<double> x, ReadOnlySpan<int> batch, double loss, ReadOnlySpan<double> gradient, long index)
    {
        Objective = objective;
        X = x;
        Batch = batch;
        Loss = loss;
        Gradient = gradient;
        Index = index;
    }

    /// <summary>The objective, for methods that evaluate more than the batch (a long step's judge batch, the validation set).</summary>
    public IMiniBatchObjective Objective { get; }

    /// <summary>The parameters: read, then overwritten with the step's result.</summary>
    public Span<double> X { get; }

    /// <summary>The training examples of this batch.</summary>
    public ReadOnlySpan<int> Batch { get; }

    /// <summary>The batch's mean loss at <see cref="X"/>.</summary>
    public double Loss { get; }

    /// <summary>The batch's gradient at <see cref="X"/>.</summary>
    public ReadOnlySpan<double> Gradient { get; }

    /// <summary>The number of steps taken before this one in the run.</summary>
    public long Index { get; }
}
