namespace Ravine.Optimization;

/// <summary>
/// What a run found wrong with the f* its long steps used, as <see cref="MinimizeResult.OptimalValueDoubt"/> gives it
/// beside the sentence of <see cref="MinimizeResult.Caveat"/>: nothing, a given f* that looks too low or too high (an
/// estimate replaced it), or an estimate of an unknown f* that looks unreliable or too high.
/// </summary>
public enum OptimalValueDoubt
{
    /// <summary>Nothing to say: a given f* was trusted to the end, or an estimate behaved, or the method uses no f*.</summary>
    None,

    /// <summary>The given f* looks too low (the gap it gives did not behave as the gradients say); an estimate replaced it.</summary>
    TooLow,

    /// <summary>The given f* looks too high (f fell below it); an estimate replaced it.</summary>
    TooHigh,

    /// <summary>f* was estimated, and so many of the long steps were rolled back that the estimate looks unreliable.</summary>
    Unreliable,

    /// <summary>f* was estimated, and f kept falling below the estimate: it looks too high, and the long steps were too short.</summary>
    EstimateTooHigh,
}
