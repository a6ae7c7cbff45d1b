using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// The settings of GDPolyak's long Polyak step (f − f*)/‖∇f‖², shared by <see cref="GdPolyak"/> and
/// <see cref="AdaptiveGdPolyak"/>: f* or how to estimate it, and the safeguard that judges each long step by the epoch
/// it starts.
/// </summary>
public sealed record LongStepSettings
{
    /// <summary>f*, used by the long step; null when it is unknown and estimated.</summary>
    public double? OptimalValue { get; init => field = value is double f ? Validate.Finite(f, nameof(OptimalValue)) : null; }

    /// <summary>Where the f* estimate starts when <see cref="OptimalValue"/> is null (an estimate, not the truth); null: the rule's own start.</summary>
    public double? OptimalValueEstimate { get; init => field = value is double f ? Validate.Finite(f, nameof(OptimalValueEstimate)) : null; }

    /// <summary>How f* is estimated when <see cref="OptimalValue"/> is null. Default: <see cref="OptimalValueEstimation.GradientRatio"/>.</summary>
    public OptimalValueEstimation Estimation { get; init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Estimation), value, "Unknown estimation rule."); }

    /// <summary>Epochs (long steps) per round of <see cref="OptimalValueEstimation.Restarts"/> (default 10).</summary>
    public int RestartEpochs { get; init => field = Validate.AtLeast(value, 1, nameof(RestartEpochs)); } = 10;

    /// <summary>
    /// Forecast each long step, undo blow-ups, check a given f* against the run and, with f* estimated, judge each long
    /// step by the epoch it starts (see <see cref="GdPolyak"/>); null: on exactly when f* is estimated.
    /// </summary>
    public bool? Safeguard { get; init; }

    /// <summary>Whether the safeguard is on: <see cref="Safeguard"/>, else on exactly when f* is estimated.</summary>
    public bool SafeguardActive => Safeguard ?? OptimalValue is null;
}
