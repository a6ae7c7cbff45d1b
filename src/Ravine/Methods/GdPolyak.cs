using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// GDPolyak (Davis, Drusvyatskiy, Jiang, "Gradient descent with adaptive stepsize converges (nearly) linearly
/// over locally star-convex functions", arXiv 2409.19791): each epoch takes K short gradient steps with a
/// constant stepsize η, which pull the iterate onto the ravine, then one long Polyak step
/// (f(x) − f*)/‖∇f(x)‖², which moves along it. On functions with fourth-order growth this converges nearly
/// linearly and the long steps grow geometrically. Every step, short or long, is one oracle call.
/// </summary>
/// <remarks>
/// When f(x) − f* ≤ 0 at the end of an epoch (f* over-estimated, or round-off next to the solution) the long
/// step is skipped (recorded as <see cref="StepKind.Skipped"/>, no oracle call) rather than taken backwards.
/// </remarks>
public sealed record GdPolyak : IMethod
{
    /// <summary>The registry's entry: <c>gdpolyak</c> with options <c>eta</c>, <c>K</c> and <c>epochs</c> (no defaults for η and K: they depend on the problem).</summary>
    public static MethodDescriptor Descriptor { get; } = new("gdpolyak", "GDPolyak: K short gradient steps of size η, then one Polyak step (f − f*)/‖∇f‖², per epoch",
        [
            MethodOption.Positive("eta", "η, the stepsize of the short gradient steps", required: true),
            MethodOption.Count("K", "short steps per epoch", 1, required: true),
            MethodOption.Count("epochs", "epochs (K short steps and one long step each); default: no limit but the run's budget", 0),
        ],
        a => new GdPolyak(a.Real("eta"), checked((int)a.Integer("K")), checked((int)(a.OptionalInteger("epochs") ?? int.MaxValue)), a.RequiredOptimalValue()),
        usesOptimalValue: true);

    /// <summary>Creates the method.</summary>
    /// <param name="stepsize">η &gt; 0, the short (gradient) stepsize.</param>
    /// <param name="shortSteps">K ≥ 1, short steps per epoch.</param>
    /// <param name="epochs">Epochs ≥ 0; the run ends with <see cref="StopReason.MethodCompleted"/> after the last long step.</param>
    /// <param name="optimalValue">f*, the minimal value used by the long step. It is never assumed.</param>
    public GdPolyak(double stepsize, int shortSteps, int epochs, double optimalValue)
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

    /// <summary>The number of epochs (K short steps and one long step each).</summary>
    public int Epochs { get; init => field = Validate.AtLeast(value, 0, nameof(Epochs)); }

    /// <summary>f*, used by the long step.</summary>
    public double OptimalValue { get; init => field = Validate.Finite(value, nameof(OptimalValue)); }

    /// <inheritdoc />
    public string Name => "GDPolyak";

    /// <inheritdoc />
    public int? PlannedSteps => (int)Math.Min(int.MaxValue, (long)Epochs * (ShortSteps + 1));

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(this);

    private sealed class State(GdPolyak settings) : IMethodState
    {
        private int _stepInEpoch;
        private int _epoch;

        public StepReport Step(Iterate iterate, Oracle oracle)
        {
            if (_epoch >= settings.Epochs)
                return StepReport.Halt(StopReason.MethodCompleted, $"Completed {settings.Epochs} epochs.");
            if (_stepInEpoch < settings.ShortSteps)
            {
                _stepInEpoch++;
                return oracle.TakeGradientStep(iterate, settings.Stepsize, StepKind.Short);
            }
            _stepInEpoch = 0;
            _epoch++;
            StepReport report = iterate.Value - settings.OptimalValue > 0
                ? oracle.TakeGradientStep(iterate, PolyakStepsize.Compute(iterate.Value, settings.OptimalValue, iterate.GradientNormSquared), StepKind.Long)
                : StepReport.Step(0, StepKind.Skipped);
            return _epoch == settings.Epochs && report.Taken
                ? report.ThenStop(StopReason.MethodCompleted, $"Completed {settings.Epochs} epochs.")
                : report;
        }

        public void Save(IDictionary<string, double[]> state)
        {
            state["epoch"] = [_epoch];
            state["stepInEpoch"] = [_stepInEpoch];
        }

        public void Restore(IReadOnlyDictionary<string, double[]> state)
        {
            _epoch = MethodStateEntry.ReadCount(state, "epoch", settings.Epochs);
            _stepInEpoch = MethodStateEntry.ReadCount(state, "stepInEpoch", settings.ShortSteps);
        }
    }
}
