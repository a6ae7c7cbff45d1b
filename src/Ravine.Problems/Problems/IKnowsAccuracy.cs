namespace Ravine.Problems;

/// <summary>
/// A classification problem that can say how well a point classifies: the fraction of its training examples and of
/// its held-out test examples whose largest output is the true class. The run's summary reports both when the
/// problem implements this.
/// </summary>
public interface IKnowsAccuracy
{
    /// <summary>The fraction of the training examples (those in f) classified correctly at <paramref name="x"/>.</summary>
    double TrainAccuracy(ReadOnlySpan<double> x);

    /// <summary>The fraction of the test examples (not in f) classified correctly at <paramref name="x"/>.</summary>
    double TestAccuracy(ReadOnlySpan<double> x);
}
