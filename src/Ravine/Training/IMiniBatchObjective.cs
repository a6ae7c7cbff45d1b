namespace Ravine.Training;

/// <summary>
/// A loss that is the mean of per-example losses over a training set, evaluated on any subset of its examples (a
/// mini-batch) with its exact gradient and exact Hessian-vector products, and scored on the held-out sets. A network
/// on a dataset is one; stochastic methods and the trainer see nothing else of it.
/// </summary>
/// <remarks>
/// Every member is deterministic: the same arguments give the same bits for any thread count, so a training run with
/// a seed is reproducible.
/// </remarks>
public interface IMiniBatchObjective
{
    /// <summary>The number of parameters.</summary>
    int Dimension { get; }

    /// <summary>The number of training examples; a batch names them by index, 0 to <c>ExampleCount − 1</c>.</summary>
    int ExampleCount { get; }

    /// <summary>Whether <see cref="Score"/> reports a classification accuracy (otherwise it is NaN).</summary>
    bool IsClassifier { get; }

    /// <summary>Writes the seeded initial parameters into <paramref name="x"/>.</summary>
    void InitialPoint(ulong seed, Span<double> x);

    /// <summary>The mean loss over <paramref name="examples"/> at <paramref name="x"/>; writes its gradient.</summary>
    double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<int> examples, Span<double> gradient);

    /// <summary>The mean loss over <paramref name="examples"/> at <paramref name="x"/>, without the gradient.</summary>
    double Value(ReadOnlySpan<double> x, ReadOnlySpan<int> examples);

    /// <summary>Writes ∇²f(x)·<paramref name="direction"/> of the mean loss over <paramref name="examples"/>.</summary>
    void HessianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<int> examples, ReadOnlySpan<double> direction, Span<double> product);

    /// <summary>The mean loss (and accuracy, for a classifier) over a whole set at <paramref name="x"/>.</summary>
    HeldOutScore Score(ReadOnlySpan<double> x, EvaluationSet set);
}
