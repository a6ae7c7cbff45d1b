using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// The long step of GDPolyak, fixed-K and adaptive alike: (f − f*)/‖∇f‖² with a given f*, or with an estimate
/// (<see cref="OptimalValueEstimator"/>), optionally judged by the epoch it starts (<see cref="EpochSafeguard"/>). The
/// method decides when a phase of short steps ends; this decides what happens there. No allocation after construction.
/// </summary>
internal sealed class PolyakLongStep
{
    /// <summary>The option of a starting estimate of f*: the methods that have it are the ones that can estimate an unknown f*.</summary>
    public const string EstimateKey = "fstar-estimate";

    /// <summary>The trace note of a rolled-back epoch: the next long-step point was not below this one's.</summary>
    public const string RollBackNote = "no-progress";

    /// <summary>The trace note of a long step undone at once: it landed above f(x₀) or on NaN/∞.</summary>
    public const string BlowUpNote = "blow-up";

    /// <summary>The trace note of a return to x₀ (restarts rule).</summary>
    public const string RestartNote = "restart";

    /// <summary>The options both GDPolyak methods take for their long step (keys as on the command line).</summary>
    public static MethodOption[] Options { get; } =
    [
        new() { Key = EstimateKey, Description = "a starting estimate of f* (not the truth): f* is then estimated, see fstar-rule; default: none" },
        MethodOption.OneOf("fstar-rule", "how f* is estimated when unknown: ratio (of gradient norms on the ravine) or restarts (the authors')", "ratio", "ratio", "restarts"),
        MethodOption.Count("restart-epochs", "epochs per round of fstar-rule restarts", 1, "10"),
        MethodOption.OneOf("safeguard", "judge each long step by the epoch it starts and roll it back when f did not fall: on, off, or auto", "auto", "auto", "on", "off"),
    ];

    /// <summary>The settings those options give (a safeguard of null: auto).</summary>
    public static LongStepSettings Read(MethodArguments a)
    {
        double? start = a.OptionalReal(EstimateKey);
        // An estimate given means f* is not known, whatever the problem says: it is what the option is for.
        double? optimal = start is null ? a.OptimalValue : null;
        var rule = a.Choice("fstar-rule") == "restarts" ? OptimalValueEstimation.Restarts : OptimalValueEstimation.GradientRatio;
        bool? safeguard = a.Choice("safeguard") switch { "on" => true, "off" => false, _ => null };
        return new() { OptimalValue = optimal, OptimalValueEstimate = start, Estimation = rule, RestartEpochs = checked((int)a.Integer("restart-epochs")), Safeguard = safeguard };
    }

    private readonly double? _optimalValue;
    private readonly OptimalValueEstimator? _estimator;
    private readonly EpochSafeguard? _safeguard;
    private readonly int _restartEpochs;
    private int _epochsInRound;

    /// <param name="settings">f* or how to estimate it, and whether the safeguard is on.</param>
    /// <param name="start">The run's evaluated start.</param>
    public PolyakLongStep(LongStepSettings settings, Iterate start)
    {
        _optimalValue = settings.OptimalValue;
        _estimator = settings.OptimalValue is null ? new OptimalValueEstimator(settings.Estimation, settings.OptimalValueEstimate, start) : null;
        _safeguard = settings.SafeguardActive ? new EpochSafeguard(start) : null;
        _restartEpochs = settings.OptimalValue is null && settings.Estimation == OptimalValueEstimation.Restarts ? settings.RestartEpochs : 0;
    }

    /// <summary>The f* estimate in force, for the trace; null when f* was given.</summary>
    public double? Estimate => _estimator?.Estimate;

    /// <summary>True when the restarts rule's round is over: the method's next step should be <see cref="Restart"/>.</summary>
    public bool RestartDue => _restartEpochs > 0 && _epochsInRound >= _restartEpochs;

    /// <summary>A point of a short phase about to be left by a short step (index = short steps before it in the phase).</summary>
    public void ObservePhasePoint(Iterate point, int index) => _estimator?.ObservePhasePoint(point.Value, point.GradientNormSquared, index);

    /// <summary>
    /// The end of a phase at <paramref name="iterate"/>: a long step, a skipped one, or a rollback. After a rollback
    /// (<paramref name="longStepNext"/> true) the iterate is back at the end of the previous phase, so the method's
    /// next step must be a long step again.
    /// </summary>
    public StepReport Take(Iterate iterate, Oracle oracle, AdGdStepsize? adgd, out bool longStepNext)
    {
        longStepNext = false;
        _epochsInRound++;
        switch (_safeguard?.Judge(iterate))
        {
            case EpochSafeguard.Verdict.RollBack:
                Shorten(iterate, _safeguard.RollBack(iterate));
                longStepNext = true;
                return StepReport.Step(0, StepKind.Rejected).WithNote(RollBackNote);
            case EpochSafeguard.Verdict.NoProgress:
                return StepReport.Step(0, StepKind.Skipped).WithNote(RollBackNote);
        }
        _estimator?.ObserveLongStepPoint(iterate.Value, iterate.GradientNormSquared);
        double optimal = _optimalValue ?? _estimator!.Estimate;
        // Never backwards: f ≤ f* (f* over-estimated, or round-off next to the solution), or no estimate yet (NaN).
        if (!(iterate.Value - optimal > 0))
            return StepReport.Step(0, StepKind.Skipped);
        double stepsize = PolyakStepsize.Compute(iterate.Value, optimal, iterate.GradientNormSquared);
        // Published runs (given f*, no safeguard) must stay bit-identical: no factor is multiplied in when it is 1.
        if (_estimator is not null && _estimator.StepFactor != 1) stepsize *= _estimator.StepFactor;
        if (_safeguard is not null && _safeguard.Scale != 1) stepsize *= _safeguard.Scale;
        adgd?.Remember(iterate);
        _safeguard?.BeforeLongStep(iterate);
        StepReport report = oracle.TakeGradientStep(iterate, stepsize, StepKind.Long);
        if (_safeguard is not null && report.Taken && _safeguard.BlewUp(iterate))
        {
            Shorten(iterate, _safeguard.RollBack(iterate, stepsize));
            longStepNext = true;
            return StepReport.Step(stepsize, StepKind.Rejected).WithNote(BlowUpNote);
        }
        return report;
    }

    // A long step that proved too long: with f* estimated the estimate was too low, so it rises (and the next estimate
    // from the rule replaces it); with f* given, the error stays, so every later long step is shortened.
    private void Shorten(Iterate backAt, double factor)
    {
        if (_estimator is not null) _estimator.Raise(backAt.Value, factor);
        else _safeguard!.Shorten(factor);
    }

    /// <summary>The restarts rule: back to x₀ (no oracle call), the estimate halfway to the best f seen.</summary>
    public StepReport Restart(Iterate iterate)
    {
        _estimator!.ReturnToStart(iterate);
        _estimator.Restarted();
        _safeguard?.Restarted();
        _epochsInRound = 0;
        return StepReport.Step(0, StepKind.Start).WithNote(RestartNote);
    }

    public Memory Save() => new(_epochsInRound, _estimator?.Save(), _safeguard?.Save());

    public void Restore(Memory memory)
    {
        _epochsInRound = MethodStateEntry.Count(memory.EpochsInRound, int.MaxValue, "epochsInRound");
        _estimator?.Restore(memory.Fstar ?? throw new FormatException("The saved method state has no f* estimate 'long.fstar'."));
        _safeguard?.Restore(memory.Safeguard ?? throw new FormatException("The saved method state has no safeguard 'long.safeguard'."));
    }

    /// <summary>The epochs of the restarts rule's round so far, the f* estimator's memory (f* unknown) and the safeguard's (when on).</summary>
    internal sealed record Memory(int EpochsInRound, OptimalValueEstimator.Memory? Fstar, EpochSafeguard.Memory? Safeguard) : MethodMemory;
}
