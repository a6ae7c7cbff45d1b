using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// The long step of GDPolyak, fixed-K and adaptive alike: (f − f*)/‖∇f‖² with a given f*, or with an estimate
/// (<see cref="OptimalValueEstimator"/>). With the safeguard it is forecast before it is taken
/// (<see cref="LongStepForecast"/>), undone when it blows up (<see cref="EpochSafeguard"/>), and a given f* is checked
/// against the run: the estimate runs beside it and replaces it once the run contradicts it. The method decides when a
/// phase of short steps ends; this decides what happens there. No allocation after construction.
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
        MethodOption.OneOf("safeguard", "forecast each long step, undo blow-ups, check a given f* against the run and, with f* estimated, roll back an epoch that did not lower f: on, off, or auto", "auto", "auto", "on", "off"),
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

    /// <summary>The trace note of the long step from which a given f* is no longer used: it looks wrong, an estimate replaces it.</summary>
    public const string WrongOptimalValueNote = "fstar-wrong";

    /// <summary>The trace note of a long step the forecast shortened (see <see cref="LongStepForecast"/>).</summary>
    public const string ShortenedNote = Analysis.ForecastRecord.ShortenedNote;

    // A given f* is judged too low when the gap it gives is this many times the gap the ratio rule estimates, at this
    // many consecutive long-step points, or after this many blow-ups in a row. The rule's gap is 2x the ravine's on a quartic
    // and within 1.5x of it for growth orders 2 to 6, but on non-monotone epochs it scatters: on singular Wood, with
    // the true f*, the given gap reaches 1000x the rule's at some points, 10⁴x rarely and never five times in a row.
    private const double TooLowFactor = 1e4;
    private const int TooLowEvidence = 5;
    private const int BlowUpEvidence = 3;
    private const double PlateauGradientFall = 1e-4;
    // An estimate is called unreliable in the result once this many of its long steps, and this share, were rolled back
    // (above f's round-off floor, here a gap of 1e-14 times the start's).
    private const int UnreliableRollBacks = 10;
    private const double UnreliableShare = 0.2;
    // An estimate is called too high once f fell below it at this many long-step points, and this share. On the
    // Fashion-MNIST network f falls below it at a sixth of them, on NONDQUAR's quartic floor at a quarter; the rule's
    // estimate sits at f* minus the gap when f follows ‖∇f‖ as fitted, which f does not cross.
    private const int TooHighEvidence = 6;
    private const double TooHighShare = 0.12;
    private const double RoundOffLevel = 1e-14;
    private const double MachineEpsilon = 2.220446049250313e-16;

    private readonly double? _optimalValue;
    private readonly OptimalValueEstimator? _estimator;
    private readonly EpochSafeguard? _safeguard;
    private readonly LongStepForecast? _forecast;
    private readonly int _restartEpochs;
    private int _epochsInRound;
    private bool _trusted;
    private int _tooLowEvidence, _blowUps, _longSteps, _rolledBack, _fellBelow;
    private double _plateauGap, _plateauG2;
    private Doubt _doubt;

    /// <summary>What a given f* was found to be: nothing (trusted), too low (by the gradients, or by blow-ups), too high.</summary>
    private enum Doubt { None, TooLow, TooHigh, BlewUp, Plateau }

    /// <param name="settings">f* or how to estimate it, and whether the safeguard is on.</param>
    /// <param name="start">The run's evaluated start.</param>
    public PolyakLongStep(LongStepSettings settings, Iterate start)
    {
        _optimalValue = settings.OptimalValue;
        bool guarded = settings.SafeguardActive;
        // With the safeguard a given f* is trusted only while the run agrees with it: the ratio rule runs beside it, at
        // no oracle call, and takes over when it contradicts the given f*.
        _estimator = settings.OptimalValue is null || guarded
            ? new OptimalValueEstimator(settings.OptimalValue is null ? settings.Estimation : OptimalValueEstimation.GradientRatio, settings.OptimalValueEstimate, start)
            : null;
        _safeguard = guarded ? new EpochSafeguard(start) : null;
        _forecast = guarded ? new LongStepForecast(start.Dimension) : null;
        _trusted = settings.OptimalValue is not null;
        // A trusted f* is not judged by each epoch: progress on a ravine comes in non-monotone epochs too.
        _safeguard?.SetJudgesEpochs(!_trusted);
        _restartEpochs = settings.OptimalValue is null && settings.Estimation == OptimalValueEstimation.Restarts ? settings.RestartEpochs : 0;
    }

    /// <summary>The f* estimate in force, for the trace; null while a given f* is used.</summary>
    public double? Estimate => _trusted ? null : _estimator?.Estimate;

    /// <summary>What the result's message should add: that the given f* looked wrong, and what replaced it; null otherwise.</summary>
    public string? Caveat => _doubt switch
    {
        Doubt.TooLow => FormattableString.Invariant($"The given f* = {_optimalValue:g6} looks too low (the gap it gives was over {TooLowFactor:g}x the gap estimated from the gradients at {TooLowEvidence} long steps in a row); the long steps used an estimate of f* from then on."),
        Doubt.Plateau => FormattableString.Invariant($"The given f* = {_optimalValue:g6} looks too low (the gap it gives stopped falling while ‖∇f‖² fell {1 / PlateauGradientFall:g}-fold); the long steps used an estimate of f* from then on."),
        Doubt.BlewUp => FormattableString.Invariant($"The given f* = {_optimalValue:g6} looks too low (its long steps blew up {BlowUpEvidence} times in a row); the long steps used an estimate of f* from then on."),
        Doubt.TooHigh => FormattableString.Invariant($"The given f* = {_optimalValue:g6} looks too high (f fell below it); the long steps used an estimate of f* from then on."),
        _ when EstimateLooksUnreliable =>
            $"The f* estimate looks unreliable here: {_rolledBack} of {_longSteps} long steps were rolled back (f does not follow ‖∇f‖ as under the growth fitted to it); a known f* may well be faster.",
        _ when EstimateLooksTooHigh =>
            $"The f* estimate looks too high here: f fell below it at {_fellBelow} of {_longSteps} long steps (f does not follow ‖∇f‖ as under the growth fitted to it), so the long steps were too short; a known f*, or a lower starting estimate (fstar-estimate), may well be faster.",
        _ => null,
    };

    /// <summary>What <see cref="Caveat"/> says, as a kind.</summary>
    public OptimalValueDoubt OptimalValueDoubt => _doubt switch
    {
        Doubt.TooLow or Doubt.Plateau or Doubt.BlewUp => OptimalValueDoubt.TooLow,
        Doubt.TooHigh => OptimalValueDoubt.TooHigh,
        // The doubts of a given f* are above; below, those of an estimate, in the order the caveat tests them.
        _ when EstimateLooksUnreliable => OptimalValueDoubt.Unreliable,
        _ when EstimateLooksTooHigh => OptimalValueDoubt.EstimateTooHigh,
        _ => OptimalValueDoubt.None,
    };

    private bool EstimateLooksUnreliable => !_trusted && _rolledBack >= UnreliableRollBacks && UnreliableShare * _longSteps <= _rolledBack;

    private bool EstimateLooksTooHigh => !_trusted && _fellBelow >= TooHighEvidence && TooHighShare * _longSteps <= _fellBelow;

    /// <summary>True when the restarts rule's round is over: the method's next step should be <see cref="Restart"/>.</summary>
    public bool RestartDue => _restartEpochs > 0 && _epochsInRound >= _restartEpochs;

    /// <summary>A point of a short phase about to be left by a short step (index = short steps before it in the phase).</summary>
    public void ObservePhasePoint(Iterate point, int index)
    {
        _estimator?.ObservePhasePoint(point.Value, point.GradientNormSquared, index);
        _forecast?.ObserveShortStepFrom(point);
    }

    /// <summary>
    /// The end of a phase at <paramref name="iterate"/>: a long step, a skipped one, or a rollback. After a rollback
    /// (<paramref name="longStepNext"/> true) the iterate is back at the end of the previous phase, so the method's
    /// next step must be a long step again.
    /// </summary>
    public StepReport Take(Iterate iterate, Oracle oracle, AdGdStepsize? adgd, out bool longStepNext)
    {
        longStepNext = false;
        _epochsInRound++;
        switch (_safeguard?.Judge(iterate, _estimator?.Estimate ?? double.NaN, !_trusted && _estimator?.DegenerateGrowth == true))
        {
            case EpochSafeguard.Verdict.RollBack:
                if (AboveRoundOff(iterate)) _rolledBack++;
                Shorten(iterate, _safeguard.RollBack(iterate));
                longStepNext = true;
                return StepReport.Step(0, StepKind.Rejected).WithNote(RollBackNote);
            case EpochSafeguard.Verdict.NoProgress:
                return StepReport.Step(0, StepKind.Skipped).WithNote(RollBackNote);
        }
        if (!_trusted && _estimator is not null && _safeguard is not null
            && _estimator.Estimate - iterate.Value > RoundOffLevel * Math.Abs(_safeguard.Ceiling - iterate.Value)) _fellBelow++;
        bool updated = _estimator?.ObserveLongStepPoint(iterate.Value, iterate.GradientNormSquared) ?? false;
        string? note = _trusted && _estimator is not null && Doubts(iterate.Value, iterate.GradientNormSquared, updated) ? WrongOptimalValueNote : null;
        double optimal = _trusted ? _optimalValue!.Value : _estimator!.Estimate;
        // Never backwards: f ≤ f* (f* over-estimated, or round-off next to the solution), or no estimate yet (NaN).
        if (!(iterate.Value - optimal > 0))
            return StepReport.Step(0, StepKind.Skipped).WithNote(note);
        double stepsize = PolyakStepsize.Compute(iterate.Value, optimal, iterate.GradientNormSquared);
        // Published runs (given f*, no safeguard) must stay bit-identical: no factor is multiplied in when it is 1.
        if (_estimator is not null && !_trusted && _estimator.StepFactor != 1) stepsize *= _estimator.StepFactor;
        if (_safeguard is not null && _safeguard.Scale != 1) stepsize *= _safeguard.Scale;
        // At the floor of the floating-point range ‖∇f‖² underflows and the step overflows: none is taken, the run goes on.
        if (_safeguard is not null && !double.IsFinite(stepsize))
            return StepReport.Step(0, StepKind.Skipped).WithNote(note);
        double? predicted = null;
        if (_forecast is not null)
        {
            (stepsize, double forecast, bool shortened) = _forecast.Check(iterate, stepsize, optimal, _safeguard!.Ceiling);
            predicted = forecast;
            if (shortened) note ??= ShortenedNote;
        }
        adgd?.Remember(iterate);
        _safeguard?.BeforeLongStep(iterate);
        StepReport report = oracle.TakeGradientStep(iterate, stepsize, StepKind.Long);
        if (!_trusted && AboveRoundOff(iterate)) _longSteps++;
        if (_safeguard is not null && report.Taken) _safeguard.Landed(iterate, stepsize);
        if (_safeguard is not null && report.Taken && _safeguard.BlewUp(iterate))
        {
            if (!_trusted && AboveRoundOff(iterate)) _rolledBack++;
            bool doubted = _trusted && ObserveBlowUp();
            Shorten(iterate, _safeguard.RollBack(iterate));
            longStepNext = true;
            return StepReport.Step(stepsize, StepKind.Rejected).WithNote(doubted ? WrongOptimalValueNote : BlowUpNote).WithPrediction(predicted);
        }
        _blowUps = 0;
        return report.WithNote(note).WithPrediction(predicted);
    }

    // Next to f's round-off floor every method's steps are noise; rollbacks there say nothing about the estimate.
    private bool AboveRoundOff(Iterate point) =>
        _estimator is not null && _safeguard is not null && point.Value - _estimator.Estimate > RoundOffLevel * Math.Abs(_safeguard.Ceiling - _estimator.Estimate);

    // Whether the run now contradicts the given f*: f below it (too high), or its gap far above the ratio rule's at
    // several long-step points in a row (too low). Then the estimate takes over and epochs are judged again.
    private bool Doubts(double value, double gradientNormSquared, bool estimateUpdated)
    {
        double given = _optimalValue!.Value, givenGap = value - given;
        // Below by more than round-off: f's rounding grows with the size of its terms, which f(x₀) bounds.
        if (value < given - 64 * MachineEpsilon * Math.Max(Math.Abs(given), Math.Abs(_safeguard!.Ceiling)))
            return Distrust(Doubt.TooHigh);
        // Next to the round-off floor the ratio rule compares noise; and a plateau is only read above it.
        if (!(givenGap > RoundOffLevel * (_safeguard.Ceiling - given))) return false;
        if (PlateauContradicts(givenGap, gradientNormSquared)) return Distrust(Doubt.Plateau);
        if (!estimateUpdated) return false;
        double ruleGap = value - _estimator!.Estimate;
        _tooLowEvidence = givenGap > TooLowFactor * ruleGap ? _tooLowEvidence + 1 : 0;
        return _tooLowEvidence >= TooLowEvidence && Distrust(Doubt.TooLow);
    }

    // Under growth of any order from 2 to 6 the gap falls at least like ‖∇f‖^1.2: once ‖∇f‖² has fallen 10⁴-fold
    // since the anchor, the true gap has fallen over 250-fold. A given gap that fell less than 2-fold meanwhile is an
    // f* too low by about that gap. The anchor moves on each time the test is passed.
    private bool PlateauContradicts(double givenGap, double gradientNormSquared)
    {
        if (!(_plateauG2 > 0)) { (_plateauGap, _plateauG2) = (givenGap, gradientNormSquared); return false; }
        if (!(gradientNormSquared < PlateauGradientFall * _plateauG2)) return false;
        if (givenGap > 0.5 * _plateauGap) return true;
        (_plateauGap, _plateauG2) = (givenGap, gradientNormSquared);
        return false;
    }

    // A long step that blew up with a trusted f*: one is an overshoot far from the minimizers (a network's long steps
    // overshoot there and the next phase repairs it), a few in a row from the same point, each shorter, are an f* too low.
    private bool ObserveBlowUp() => ++_blowUps >= BlowUpEvidence && Distrust(Doubt.BlewUp);

    private bool Distrust(Doubt doubt)
    {
        _doubt = doubt;
        _trusted = false;
        // Judged from the next long step on: a blow-up being undone now is undone by the rule already in force.
        _safeguard!.SetJudgesEpochs(true);
        return true;
    }

    // A long step that proved too long: with f* estimated the estimate was too low, so it rises (and the next estimate
    // from the rule replaces it); with a trusted f*, the next long steps are shortened until epochs pass again.
    private void Shorten(Iterate backAt, double factor)
    {
        if (_estimator is not null && !_trusted) _estimator.Raise(backAt.Value, factor);
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

    public Memory Save() => new(_epochsInRound, _estimator?.Save(), _safeguard?.Save(), _forecast?.Save(), _trusted, _tooLowEvidence, _blowUps,
        _longSteps, _rolledBack, _plateauGap, _plateauG2, (int)_doubt, _fellBelow);

    public void Restore(Memory memory)
    {
        _epochsInRound = MethodStateEntry.Count(memory.EpochsInRound, int.MaxValue, "epochsInRound");
        _estimator?.Restore(memory.Fstar ?? throw new FormatException("The saved method state has no f* estimate 'long.fstar'."));
        _safeguard?.Restore(memory.Safeguard ?? throw new FormatException("The saved method state has no safeguard 'long.safeguard'."));
        _forecast?.Restore(memory.Forecast ?? throw new FormatException("The saved method state has no forecast 'long.forecast'."));
        _trusted = memory.Trusted && _optimalValue is not null;
        _tooLowEvidence = MethodStateEntry.Count(memory.TooLowEvidence, int.MaxValue, "tooLowEvidence");
        _blowUps = MethodStateEntry.Count(memory.BlowUps, int.MaxValue, "blowUps");
        _longSteps = MethodStateEntry.Count(memory.LongSteps, int.MaxValue, "longSteps");
        _rolledBack = MethodStateEntry.Count(memory.RolledBack, int.MaxValue, "rolledBack");
        _fellBelow = MethodStateEntry.Count(memory.FellBelow, int.MaxValue, "fellBelow");
        (_plateauGap, _plateauG2) = (memory.PlateauGap, memory.PlateauGradientNormSquared);
        _doubt = Enum.IsDefined((Doubt)memory.Doubt) ? (Doubt)memory.Doubt : throw new FormatException($"The saved method state has an unknown doubt {memory.Doubt}.");
    }

    /// <summary>
    /// The epochs of the restarts rule's round so far, the f* estimator's memory (f* unknown, or checked beside a given
    /// one), the safeguard's and the forecast's (when on), whether the given f* is still trusted, the evidence against it
    /// so far (the ratio test's streak, blow-ups in a row, the plateau test's anchor gap and ‖∇f‖²), the long steps taken
    /// and rolled back with an estimate, those from points below the estimate, and what the given f* was found to be.
    /// </summary>
    internal sealed record Memory(int EpochsInRound, OptimalValueEstimator.Memory? Fstar, EpochSafeguard.Memory? Safeguard,
        LongStepForecast.Memory? Forecast, bool Trusted, int TooLowEvidence, int BlowUps, int LongSteps, int RolledBack, double PlateauGap,
        double PlateauGradientNormSquared, int Doubt, int FellBelow = 0) : MethodMemory;
}
