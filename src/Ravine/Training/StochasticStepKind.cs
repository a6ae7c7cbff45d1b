namespace Ravine.Training;

/// <summary>What a stochastic step did.</summary>
public enum StochasticStepKind
{
    /// <summary>A mini-batch step.</summary>
    Short,

    /// <summary>A mini-batch step followed by a long Polyak step that was kept.</summary>
    Long,

    /// <summary>A mini-batch step followed by a long Polyak step that made the validation loss worse and was undone.</summary>
    RolledBack,
}
