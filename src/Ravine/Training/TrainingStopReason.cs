namespace Ravine.Training;

/// <summary>Why a training run stopped.</summary>
public enum TrainingStopReason
{
    /// <summary>Every epoch ran.</summary>
    EpochsDone,

    /// <summary>The validation accuracy reached the target.</summary>
    TargetReached,

    /// <summary>A loss, gradient or score became NaN or infinite; the best point so far is returned.</summary>
    Diverged,

    /// <summary>The run was cancelled; its checkpoint continues it.</summary>
    Cancelled,
}
