using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// GDPolyak without K and without η: short gradient steps with the AdGD stepsize (Malitsky and Mishchenko, arXiv
/// 1910.09529, 2308.02261), and one long Polyak step (f(x) − f*)/‖∇f(x)‖² as soon as the short steps have stalled.
/// Built on the ravine picture of GDPolyak (Davis, Drusvyatskiy, Jiang, "Gradient descent with adaptive stepsize
/// converges (nearly) linearly under fourth-order growth", arXiv 2409.19791): short steps remove the quadratic
/// (transverse) part of the error geometrically, then only crawl along the ravine; a long step pays off from that
/// moment on, and not before. One oracle call per step; the detector only reads ‖∇f‖², which every step
/// already has.
/// </summary>
/// <remarks>
/// <para>
/// <b>When the long step comes (the stall detector).</b> Within a phase of short steps, let b_before be the least
/// ‖∇f‖² at the phase's first point and at every short step except the last <see cref="Window"/> ones, and b_recent
/// the least ‖∇f‖² over those last <see cref="Window"/>. While the transverse error shrinks, ‖∇f‖² falls
/// geometrically and b_recent &lt; <see cref="StallRatio"/>·b_before; once the iterate is on the ravine, ‖∇f‖²
/// falls only sublinearly and the test fails. The long step is then taken at the first point whose ‖∇f‖² is the
/// least of the window (AdGD's steps are not monotone, and a long step from a rebound carries the rebound along): the
/// trace's note says <c>stall</c>. A phase has at least
/// <see cref="MinShortSteps"/> short steps and at most <see cref="MaxShortSteps"/> (then the note says
/// <c>cap</c>). Using the least value, not the last one, makes the test indifferent to AdGD's non-monotone steps.
/// </para>
/// <para>
/// <b>The short stepsize.</b> AdGD's λ_k = min{√(1 + θ_{k−1}) λ_{k−1}, c‖x_k − x_{k−1}‖/‖∇f(x_k) − ∇f(x_{k−1})‖}
/// follows the curvature as it falls on the way to the solution, where a constant η safe at x₀ would stay timid. Across
/// a long step the rule keeps its last λ and θ and takes the curvature of the pair (before, after the long step) as its
/// next bound. A given <see cref="Stepsize"/> replaces it with constant short steps (the detector stays).
/// </para>
/// <para>
/// When f(x) − f* ≤ 0 at the end of a phase the long step is skipped (<see cref="StepKind.Skipped"/>, no oracle
/// call), never taken backwards. f* may be unknown (<see cref="OptimalValue"/> null): the long step then uses an
/// estimate, as <see cref="GdPolyak"/> does. The safeguard (see <see cref="GdPolyak"/>'s remarks) is on by default: every
/// long step is forecast before it is taken, a blow-up is undone, a given f* is trusted until the run contradicts it,
/// and with f* estimated a phase that did not end below the point the last long step left from rolls that long step
/// back (<see cref="StepKind.Rejected"/>) and the next phase is a long step from there, with a higher estimate. The follow-up paper's "more adaptive variant" (Davis and Drusvyatskiy, arXiv
/// 2604.13393) is not this method: its rule was not available to us, and this one is measured, not derived.
/// </para>
/// </remarks>
public sealed record AdaptiveGdPolyak : IMethod
{
    /// <summary>The trace note of a long step taken because the short steps stalled.</summary>
    public const string StallNote = "stall";

    /// <summary>The trace note of a long step taken because the phase reached <see cref="MaxShortSteps"/>.</summary>
    public const string CapNote = "cap";

    /// <summary>The registry's entry: <c>gdpolyak-adaptive</c>; every option has a default, f* is the problem's or estimated.</summary>
    public static MethodDescriptor Descriptor { get; } = new("gdpolyak-adaptive",
        "GDPolyak with no K and no η: AdGD short steps, a long Polyak step once they stall",
        [
            MethodOption.Positive("eta", "a constant short stepsize η; default: AdGD stepsizes").Tuned(),
            MethodOption.Count("window", "W, the short steps the stall test looks at", 1, "10"),
            MethodOption.UnitInterval("stall-ratio", "r in (0, 1): stalled when the last W steps did not bring ‖∇f‖² below r times its best before them", "0.5") with { MinimumExclusive = true },
            MethodOption.Count("min-short", "the fewest short steps per phase", 1, "10"),
            MethodOption.Count("max-short", "the most short steps per phase", 1, "1000"),
            MethodOption.Count("epochs", "long steps after which the method completes; default: no limit but the run's budget", 0),
            MethodOption.OneOf("variant", "AdGD's constant: 2024 (1/√2) or 2020 (1/2)", "2024", "2024", "2020"),
            .. PolyakLongStep.Options,
        ],
        a =>
        {
            var longStep = PolyakLongStep.Read(a);
            return new AdaptiveGdPolyak(longStep.OptimalValue, a.OptionalReal("eta"), checked((int)a.Integer("window")), a.Real("stall-ratio"),
                checked((int)a.Integer("min-short")), checked((int)a.Integer("max-short")), a.OptionalInteger("epochs") is long e ? checked((int)e) : null,
                AdaptiveGradientDescent.ConstantOf(a.Choice("variant")))
            {
                LongStep = longStep with { Safeguard = longStep.Safeguard ?? true },
            };
        },
        usesOptimalValue: true);

    /// <summary>Creates the method. Every parameter but f* has a default chosen by measurement across problems (docs/ADAPTIVE.md).</summary>
    /// <param name="optimalValue">f*, the minimal value used by the long step, or null to estimate it (see <see cref="Estimation"/>). It is never assumed.</param>
    /// <param name="stepsize">A constant short stepsize η &gt; 0, or null (default) for AdGD stepsizes.</param>
    /// <param name="window">W ≥ 1, the number of most recent short steps the stall test looks at (default 10).</param>
    /// <param name="stallRatio">r in (0, 1): the phase has stalled when the last W steps did not bring ‖∇f‖² below r times its least value before them (default 0.5).</param>
    /// <param name="minShortSteps">The fewest short steps per phase, ≥ 1 (default 10).</param>
    /// <param name="maxShortSteps">The most short steps per phase, ≥ 1 (default 1000).</param>
    /// <param name="epochs">Stop after this many long steps (≥ 0), or null (default) to run until a limit of the run.</param>
    /// <param name="adgdConstant">AdGD's constant c for the short stepsize: <see cref="AdaptiveGradientDescent.Constant2024"/> (default) or <see cref="AdaptiveGradientDescent.Constant2020"/>.</param>
    public AdaptiveGdPolyak(double? optimalValue, double? stepsize = null, int window = 10, double stallRatio = 0.5,
        int minShortSteps = 10, int maxShortSteps = 1000, int? epochs = null, double adgdConstant = AdaptiveGradientDescent.Constant2024)
    {
        OptimalValue = optimalValue;
        Stepsize = stepsize;
        Window = window;
        StallRatio = stallRatio;
        MinShortSteps = minShortSteps;
        MaxShortSteps = maxShortSteps;
        Epochs = epochs;
        AdGdConstant = adgdConstant;
    }

    /// <summary>The long step's settings: f* or how to estimate it, and the safeguard (on by default here).</summary>
    public LongStepSettings LongStep { get; init; } = new() { Safeguard = true };

    /// <summary>f*, used by the long step; null when it is unknown and estimated (see <see cref="LongStepSettings.OptimalValue"/>).</summary>
    public double? OptimalValue { get => LongStep.OptimalValue; init => LongStep = LongStep with { OptimalValue = value }; }

    /// <summary>See <see cref="LongStepSettings.OptimalValueEstimate"/>.</summary>
    public double? OptimalValueEstimate { get => LongStep.OptimalValueEstimate; init => LongStep = LongStep with { OptimalValueEstimate = value }; }

    /// <summary>See <see cref="LongStepSettings.Estimation"/>.</summary>
    public OptimalValueEstimation Estimation { get => LongStep.Estimation; init => LongStep = LongStep with { Estimation = value }; }

    /// <summary>Long steps per round of <see cref="OptimalValueEstimation.Restarts"/> (see <see cref="LongStepSettings.RestartEpochs"/>).</summary>
    public int RestartEpochs { get => LongStep.RestartEpochs; init => LongStep = LongStep with { RestartEpochs = value }; }

    /// <summary>Forecast each long step, undo blow-ups and check a given f* against the run (see <see cref="GdPolyak"/>). Default: true.</summary>
    public bool Safeguard { get => LongStep.SafeguardActive; init => LongStep = LongStep with { Safeguard = value }; }

    /// <summary>A constant short stepsize η, or null for AdGD stepsizes.</summary>
    public double? Stepsize { get; init => field = value is double v ? Validate.PositiveFinite(v, nameof(Stepsize)) : null; }

    /// <summary>W, the number of most recent short steps the stall test looks at.</summary>
    public int Window { get; init => field = Validate.AtLeast(value, 1, nameof(Window)); }

    /// <summary>r: a phase has stalled when its last W short steps did not bring ‖∇f‖² below r times its least value before them.</summary>
    public double StallRatio
    {
        get;
        init => field = value > 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(nameof(StallRatio), value, "StallRatio must be in (0, 1).");
    }

    /// <summary>The fewest short steps in a phase (the stall test is not consulted before).</summary>
    public int MinShortSteps { get; init => field = Validate.AtLeast(value, 1, nameof(MinShortSteps)); }

    /// <summary>The most short steps in a phase; a phase that reaches it ends with a long step noted <c>cap</c>.</summary>
    public int MaxShortSteps { get; init => field = Validate.AtLeast(value, 1, nameof(MaxShortSteps)); }

    /// <summary>The number of long steps after which the method completes, or null for no such limit.</summary>
    public int? Epochs { get; init => field = value is int e ? Validate.AtLeast(e, 0, nameof(Epochs)) : null; }

    /// <summary>AdGD's constant c for the short stepsize (unused when <see cref="Stepsize"/> is given).</summary>
    public double AdGdConstant { get; init => field = AdaptiveGradientDescent.CheckConstant(value, nameof(AdGdConstant)); }

    /// <inheritdoc />
    public string Name => "GDPolyak-adaptive";

    /// <inheritdoc />
    public long? PlannedSteps => Epochs is int e ? (long)e * (MaxShortSteps + 2) + e / RestartEpochs + 1 : null;

    /// <inheritdoc />
    /// <remarks>The note says why a phase of short steps ended or a step was rolled back; the estimate is NaN on every row when f* is given.</remarks>
    public TraceColumns TraceColumns => TraceColumns.Note | TraceColumns.OptimalValueEstimate | (Safeguard ? TraceColumns.Prediction : TraceColumns.None);

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(this, start);

    private sealed class State(AdaptiveGdPolyak settings, Iterate start) : IMethodState
    {
        private readonly AdGdStepsize? _adgd = settings.Stepsize is null ? new AdGdStepsize(settings.AdGdConstant, null, start.Dimension) : null;
        private readonly PolyakLongStep _long = new(settings.LongStep, start);
        private bool _longStepNext;
        private readonly double[] _recent = new double[settings.Window];
        private int _recentCount, _recentNext;
        private double _bestBefore;
        private int _phaseSteps;
        private int _epoch;

        public StepReport Step(Iterate iterate, Oracle oracle) => Next(iterate, oracle).WithEstimate(_long.Estimate);

        private StepReport Next(Iterate iterate, Oracle oracle)
        {
            if (settings.Epochs is int epochs && _epoch >= epochs)
                return StepReport.Halt(StopReason.MethodCompleted, $"Completed {epochs} epochs.");
            if (_phaseSteps == 0 && !_longStepNext && _long.RestartDue)
                return _long.Restart(iterate);
            string? trigger;
            if (_longStepNext)
                trigger = null;
            else
            {
                Observe(iterate.GradientNormSquared);
                trigger = Trigger(iterate.GradientNormSquared);
                if (trigger is null)
                {
                    _long.ObservePhasePoint(iterate, _phaseSteps);
                    _phaseSteps++;
                    double eta = _adgd?.Next(iterate) ?? settings.Stepsize!.Value;
                    return oracle.TakeGradientStep(iterate, eta, StepKind.Short);
                }
            }
            _phaseSteps = 0;
            _epoch++;
            StepReport report = _long.Take(iterate, oracle, _adgd, out _longStepNext);
            // A rollback or blow-up note says more than the trigger; an ordinary long or skipped step says what ended the phase.
            if (report.Note is null) report = report.WithNote(trigger);
            return settings.Epochs is int last && _epoch == last && report.Taken
                ? report.ThenStop(StopReason.MethodCompleted, $"Completed {last} epochs.")
                : report;
        }

        // ‖∇f‖² at the point the last step reached: the phase's first point, or the result of a short step.
        private void Observe(double gradientNormSquared)
        {
            if (_phaseSteps == 0)
            {
                _bestBefore = gradientNormSquared;
                _recentCount = 0;
                _recentNext = 0;
                return;
            }
            if (_recentCount == _recent.Length)
                _bestBefore = Math.Min(_bestBefore, _recent[_recentNext]);
            else
                _recentCount++;
            _recent[_recentNext] = gradientNormSquared;
            _recentNext = (_recentNext + 1) % _recent.Length;
        }

        private string? Trigger(double current)
        {
            if (_phaseSteps >= settings.MaxShortSteps) return CapNote;
            if (_phaseSteps < settings.MinShortSteps || _recentCount < _recent.Length) return null;
            double bestRecent = double.PositiveInfinity;
            foreach (double g2 in _recent) bestRecent = Math.Min(bestRecent, g2);
            // Not "<": a phase whose gradients stopped moving at all (0 ≥ r·0 near round-off) has stalled too.
            if (!(bestRecent >= settings.StallRatio * _bestBefore)) return null;
            // AdGD probes its stepsize upwards on the flat ravine until the transverse direction rebounds for a step or
            // two; a long step from such a point carries the rebound along. Wait for a point as good as the window's best.
            return current <= bestRecent ? StallNote : null;
        }

        public string? Caveat => _long.Caveat;

        public OptimalValueDoubt OptimalValueDoubt => _long.OptimalValueDoubt;

        public MethodMemory Save() => new Memory(_epoch, _phaseSteps, _bestBefore, (double[])_recent.Clone(), _recentCount, _recentNext,
            _longStepNext, _adgd?.Save(), _long.Save());

        public void Restore(MethodMemory memory)
        {
            var m = memory.As<Memory>();
            _epoch = MethodStateEntry.Count(m.Epoch, settings.Epochs ?? int.MaxValue, "epoch");
            _phaseSteps = MethodStateEntry.Count(m.PhaseSteps, settings.MaxShortSteps, "phaseSteps");
            _bestBefore = m.BestBefore;
            MethodStateEntry.Vector(m.Recent, _recent, "recent");
            _recentCount = MethodStateEntry.Count(m.RecentCount, _recent.Length, "recentCount");
            _recentNext = MethodStateEntry.Count(m.RecentNext, _recent.Length - 1, "recentNext");
            _longStepNext = m.LongStepNext;
            _adgd?.Restore(m.Adgd ?? throw new FormatException("The saved method state has no 'adgd' stepsize."));
            _long.Restore(m.Long);
        }

        /// <summary>
        /// The epoch, the short steps of the phase so far, the stall test's window of recent ‖∇f‖² and the best before it,
        /// whether a long step is due next, AdGD's stepsize (with AdGD short steps) and the long step's own memory.
        /// </summary>
        private sealed record Memory(int Epoch, int PhaseSteps, double BestBefore, double[] Recent, int RecentCount, int RecentNext,
            bool LongStepNext, AdGdStepsize.Memory? Adgd, PolyakLongStep.Memory Long) : MethodMemory;
    }
}
