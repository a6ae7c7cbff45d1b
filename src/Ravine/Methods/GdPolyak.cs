using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// GDPolyak (Davis, Drusvyatskiy, Jiang, "Gradient descent with adaptive stepsize converges (nearly) linearly
/// under fourth-order growth", arXiv 2409.19791): each epoch takes K short gradient steps with a
/// constant stepsize η, which pull the iterate onto the ravine, then one long Polyak step
/// (f(x) − f*)/‖∇f(x)‖², which moves along it. On functions with fourth-order growth this converges nearly
/// linearly and the long steps grow geometrically. Every step, short or long, is one oracle call.
/// </summary>
/// <remarks>
/// <para>
/// When f(x) − f* ≤ 0 at the end of an epoch (f* over-estimated, or round-off next to the solution) the long
/// step is skipped (recorded as <see cref="StepKind.Skipped"/>, no oracle call) rather than taken backwards.
/// </para>
/// <para>
/// <b>f* unknown.</b> With <see cref="OptimalValue"/> null the long step uses an estimate
/// (<see cref="Estimation"/>, starting from <see cref="OptimalValueEstimate"/> if given), shown in the trace's
/// <c>fstar_estimate</c> column. <b>Safeguard.</b> With <see cref="SafeguardActive"/> every long step is first checked
/// by a forecast at no oracle call (the trace's <c>predicted_f</c>; a step predicted to land above f(x₀) is shortened),
/// and a long step that lands above f(x₀) or on NaN/∞ is undone at once and the next ones shortened until epochs pass
/// again. A given f* is trusted until the run contradicts it (f below it, repeated blow-ups, or a gap far above the
/// one estimated from the gradients); then an estimate replaces it (note <c>fstar-wrong</c>, and the result's message
/// says so). With f* estimated each long step is also judged by the epoch it starts: f where the next long step would
/// leave from must be below f where this one left from, else the iterate returns to the point before it
/// (<see cref="StepKind.Rejected"/>, no oracle call) and the estimate rises. A rejected epoch counts as an epoch. On by
/// default when f* is estimated; off for a given f*, so the published runs are unchanged bit for bit.
/// </para>
/// </remarks>
public sealed record GdPolyak : IMethod
{
    /// <summary>The registry's entry: <c>gdpolyak</c> with options <c>eta</c>, <c>K</c> and <c>epochs</c> (no defaults for η and K: they depend on the problem), and the long step's f* estimate and safeguard.</summary>
    public static MethodDescriptor Descriptor { get; } = new("gdpolyak", "GDPolyak: K short gradient steps of size η, then one Polyak step (f − f*)/‖∇f‖², per epoch",
        [
            MethodOption.Positive("eta", "η, the stepsize of the short gradient steps", required: true).Tuned(),
            MethodOption.Count("K", "short steps per epoch", 1, required: true),
            MethodOption.Count("epochs", "epochs (K short steps and one long step each); default: no limit but the run's budget", 0),
            .. PolyakLongStep.Options,
        ],
        a =>
        {
            var longStep = PolyakLongStep.Read(a);
            return new GdPolyak(a.Real("eta"), checked((int)a.Integer("K")), checked((int)(a.OptionalInteger("epochs") ?? UnlimitedEpochs)), longStep.OptimalValue)
            {
                LongStep = longStep,
            };
        },
        usesOptimalValue: true);

    /// <summary>Creates the method.</summary>
    /// <param name="stepsize">η &gt; 0, the short (gradient) stepsize.</param>
    /// <param name="shortSteps">K ≥ 1, short steps per epoch.</param>
    /// <param name="epochs">
    /// Epochs ≥ 0; the run ends with <see cref="StopReason.MethodCompleted"/> after the last long step.
    /// <see cref="UnlimitedEpochs"/>: no limit of its own, the run's budget (<see cref="MinimizeOptions.MaxIterations"/>,
    /// else its default) decides.
    /// </param>
    /// <param name="optimalValue">f*, the minimal value used by the long step, or null to estimate it (see <see cref="Estimation"/>). It is never assumed.</param>
    public GdPolyak(double stepsize, int shortSteps, int epochs, double? optimalValue)
    {
        Stepsize = stepsize;
        ShortSteps = shortSteps;
        Epochs = epochs;
        OptimalValue = optimalValue;
    }

    /// <summary>η, the stepsize of the short steps.</summary>
    public double Stepsize { get; init => field = Validate.PositiveFinite(value, nameof(Stepsize)); }

    /// <summary>K, the number of short steps per epoch.</summary>
    public int ShortSteps { get; init => field = Validate.AtLeast(value, 1, nameof(ShortSteps)); }

    /// <summary>The epoch count that sets no limit of its own: the run's budget decides when it ends.</summary>
    public const int UnlimitedEpochs = int.MaxValue;

    /// <summary>The number of epochs (K short steps and one long step each); <see cref="UnlimitedEpochs"/>: no limit of its own.</summary>
    public int Epochs { get; init => field = Validate.AtLeast(value, 0, nameof(Epochs)); }

    /// <summary>The long step's settings: f* or how to estimate it, and the safeguard (null by default: on exactly when f* is estimated).</summary>
    public LongStepSettings LongStep { get; init; } = new();

    /// <summary>f*, used by the long step; null when it is unknown and estimated (see <see cref="LongStepSettings.OptimalValue"/>).</summary>
    public double? OptimalValue { get => LongStep.OptimalValue; init => LongStep = LongStep with { OptimalValue = value }; }

    /// <summary>See <see cref="LongStepSettings.OptimalValueEstimate"/>.</summary>
    public double? OptimalValueEstimate { get => LongStep.OptimalValueEstimate; init => LongStep = LongStep with { OptimalValueEstimate = value }; }

    /// <summary>See <see cref="LongStepSettings.Estimation"/>.</summary>
    public OptimalValueEstimation Estimation { get => LongStep.Estimation; init => LongStep = LongStep with { Estimation = value }; }

    /// <summary>See <see cref="LongStepSettings.RestartEpochs"/>.</summary>
    public int RestartEpochs { get => LongStep.RestartEpochs; init => LongStep = LongStep with { RestartEpochs = value }; }

    /// <summary>Judge each long step by the epoch it starts (see the remarks); null (default): on exactly when f* is estimated.</summary>
    public bool? Safeguard { get => LongStep.Safeguard; init => LongStep = LongStep with { Safeguard = value }; }

    /// <summary>Whether the safeguard is on: <see cref="Safeguard"/>, else on exactly when f* is estimated.</summary>
    public bool SafeguardActive => LongStep.SafeguardActive;

    /// <inheritdoc />
    public string Name => "GDPolyak";

    /// <inheritdoc />
    /// <remarks>
    /// With the safeguard an epoch may end in a rollback row besides its long step; with restarts a round begins with a
    /// restart row. <see cref="UnlimitedEpochs"/> plans nothing (null), so the run's own budget applies: a plan of
    /// billions of steps would be a budget no run finishes.
    /// </remarks>
    public long? PlannedSteps => Epochs == UnlimitedEpochs ? null
        : (long)Epochs * ((long)ShortSteps + 1 + (SafeguardActive ? 1 : 0))
            + (OptimalValue is null && Estimation == OptimalValueEstimation.Restarts ? Epochs / RestartEpochs + 1 : 0);

    /// <inheritdoc />
    /// <remarks>The note says why the safeguard rolled a step back or a round restarted; the estimate is NaN on every row when f* is given.</remarks>
    public TraceColumns TraceColumns => TraceColumns.Note | TraceColumns.OptimalValueEstimate | (SafeguardActive ? TraceColumns.Prediction : TraceColumns.None);

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(this, start);

    private sealed class State(GdPolyak settings, Iterate start) : IMethodState
    {
        private readonly PolyakLongStep _long = new(settings.LongStep, start);
        private int _stepInEpoch;
        private int _epoch;

        public StepReport Step(Iterate iterate, Oracle oracle) => Next(iterate, oracle).WithEstimate(_long.Estimate);

        private StepReport Next(Iterate iterate, Oracle oracle)
        {
            if (_epoch >= settings.Epochs)
                return StepReport.Halt(StopReason.MethodCompleted, $"Completed {settings.Epochs} epochs.");
            if (_stepInEpoch == 0 && _long.RestartDue)
                return _long.Restart(iterate);
            if (_stepInEpoch < settings.ShortSteps)
            {
                _long.ObservePhasePoint(iterate, _stepInEpoch);
                _stepInEpoch++;
                return oracle.TakeGradientStep(iterate, settings.Stepsize, StepKind.Short);
            }
            _epoch++;
            StepReport report = _long.Take(iterate, oracle, null, out bool longStepNext);
            // After a rollback the iterate is back at the end of a phase: the next epoch starts with its long step.
            _stepInEpoch = longStepNext ? settings.ShortSteps : 0;
            return _epoch == settings.Epochs && report.Taken
                ? report.ThenStop(StopReason.MethodCompleted, $"Completed {settings.Epochs} epochs.")
                : report;
        }

        public string? Caveat => _long.Caveat;

        public OptimalValueDoubt OptimalValueDoubt => _long.OptimalValueDoubt;

        public MethodMemory Save() => new Memory(_epoch, _stepInEpoch, _long.Save());

        public void Restore(MethodMemory memory)
        {
            var m = memory.As<Memory>();
            _epoch = MethodStateEntry.Count(m.Epoch, settings.Epochs, "epoch");
            _stepInEpoch = MethodStateEntry.Count(m.StepInEpoch, settings.ShortSteps, "stepInEpoch");
            _long.Restore(m.Long);
        }

        /// <summary>The epoch, the short steps taken in it and the long step's own memory.</summary>
        private sealed record Memory(int Epoch, int StepInEpoch, PolyakLongStep.Memory Long) : MethodMemory;
    }
}
