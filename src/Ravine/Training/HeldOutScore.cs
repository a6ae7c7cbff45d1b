namespace Ravine.Training;

/// <summary>A model's score on a whole set.</summary>
/// <param name="Loss">The mean loss over the set.</param>
/// <param name="Accuracy">The share of examples classified right, in [0, 1]; NaN when the model is not a classifier.</param>
/// <param name="Examples">The number of examples scored.</param>
public readonly record struct HeldOutScore(double Loss, double Accuracy, int Examples);
