namespace Ravine.Training;

/// <summary>Where a training run is, after each mini-batch step.</summary>
/// <param name="Epoch">The epoch in progress (1-based).</param>
/// <param name="Epochs">The epochs planned.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="BatchesPerEpoch">Batches per epoch.</param>
/// <param name="Loss">The last batch's loss.</param>
/// <param name="ValidationAccuracy">The validation accuracy at the last epoch's end (NaN for a model that is not a classifier).</param>
/// <param name="Seconds">Seconds of training so far.</param>
public readonly record struct BatchProgress(int Epoch, int Epochs, int Batch, int BatchesPerEpoch, double Loss, double ValidationAccuracy, double Seconds);
