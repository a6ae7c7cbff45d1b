namespace Ravine.Problems;

/// <summary>
/// A problem that may carry held-out data: the same loss on examples outside f, for judging the iterates of a run
/// (validation, early stopping) rather than for steps.
/// </summary>
public interface IHasHeldOutData
{
    /// <summary>The loss on the held-out examples, or null when the instance has none.</summary>
    ITestProblem? HeldOutProblem { get; }
}
