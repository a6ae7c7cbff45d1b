namespace Ravine.Training;

/// <summary>Told of a training run's progress, in the run's thread.</summary>
public interface ITrainingObserver
{
    /// <summary>After every mini-batch step; should return quickly and allocate nothing.</summary>
    void OnBatch(in BatchProgress progress);

    /// <summary>After each epoch's scores (and for the initial point, epoch 0), with the checkpoint that resumes after it.</summary>
    void OnEpoch(TrainingRow row, TrainingCheckpoint checkpoint);
}
