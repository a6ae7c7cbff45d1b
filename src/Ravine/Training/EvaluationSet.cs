namespace Ravine.Training;

/// <summary>The sets a trained model is scored on.</summary>
public enum EvaluationSet
{
    /// <summary>The training examples (those a batch can name).</summary>
    Training,

    /// <summary>Examples held out of training, for early stopping and for judging a step.</summary>
    Validation,

    /// <summary>The test set, never used for a decision.</summary>
    Test,
}
