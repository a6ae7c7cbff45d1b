using static System.FormattableString;

namespace Ravine.Optimization;

/// <summary>
/// Says what likely made f blow up, from what was observed: a blow-up right after a Polyak step means f* (or its
/// estimate) was too low for that point, since (f − f*)/‖∇f‖² grows without bound as f* falls; after an ordinary step,
/// its stepsize (η) was too large for the curvature.
/// </summary>
/// <remarks>
/// A long step that raised f and was followed only by short steps until the blow-up is the suspect even when the
/// blow-up came later: a point thrown far off the ravine sits where η is too large for the curvature.
/// </remarks>
internal sealed class BlowUpDiagnosis : RunMonitor
{
    private double _before;
    // The last long step that raised f: (its iteration, size, f before, f after), or iteration −1.
    private (long Iteration, double Stepsize, double Before, double After) _raisingLongStep = (-1, 0, 0, 0);

    public override void BeforeStep(Iterate iterate) => _before = iterate.Value;

    public override StepReport AfterStep(Iterate iterate, long iteration, StepReport report)
    {
        if (report.Kind == StepKind.Long)
            _raisingLongStep = !(iterate.Value <= _before) ? (iteration, report.Stepsize, _before, iterate.Value) : (-1, 0, 0, 0);
        return report;
    }

    public override string ExplainBlowUp(StepKind kind, double stepsize) => kind switch
    {
        StepKind.Start => "f(x₀) itself is not finite.",
        _ when _raisingLongStep.Iteration >= 0 =>
            Invariant($"The long (Polyak) step of size {_raisingLongStep.Stepsize:g6} at iteration {_raisingLongStep.Iteration} raised f from {_raisingLongStep.Before:g6} to {_raisingLongStep.After:g6}: ") +
            "the f* it used (or its estimate) is likely too low. Give a higher f*, leave f* unknown to have it estimated, or turn the method's safeguard on (Safeguard) to roll such steps back.",
        StepKind.Short => Invariant($"No long step raised f before it; the short stepsize {stepsize:g6} (η) is likely too large for the curvature here."),
        _ => Invariant($"The stepsize {stepsize:g6} is likely too large."),
    };
}
