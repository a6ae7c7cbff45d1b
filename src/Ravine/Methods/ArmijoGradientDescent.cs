using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// Gradient descent with Armijo backtracking (Armijo 1966): from a trial stepsize (twice the last accepted one, at most
/// <see cref="MaxStepsize"/>) halve until f(x − t∇f) ≤ f(x) − 1e-4·t‖∇f‖². Several oracle calls per iteration, all counted.
/// </summary>
public sealed record ArmijoGradientDescent : IMethod
{
    /// <summary>The registry's entry: <c>gd-armijo</c> with its options <c>eta</c> and <c>max-step</c>.</summary>
    public static MethodDescriptor Descriptor { get; } = new("gd-armijo", "gradient descent with Armijo backtracking from η",
        [
            MethodOption.Positive("eta", "the first trial stepsize", "1").Tuned(),
            MethodOption.Positive("max-step", "the largest trial stepsize", "1e12"),
        ],
        a => new ArmijoGradientDescent(a.Real("eta"), a.Real("max-step")));

    /// <summary>Creates the method.</summary>
    /// <param name="initialStepsize">The first trial stepsize (&gt; 0).</param>
    /// <param name="maxStepsize">The largest trial stepsize (≥ the initial one).</param>
    public ArmijoGradientDescent(double initialStepsize = 1.0, double maxStepsize = 1e12)
    {
        InitialStepsize = initialStepsize;
        MaxStepsize = maxStepsize >= initialStepsize ? maxStepsize
            : throw new ArgumentOutOfRangeException(nameof(maxStepsize), maxStepsize, "MaxStepsize must be ≥ InitialStepsize.");
    }

    /// <summary>The first trial stepsize.</summary>
    public double InitialStepsize { get; init => field = Validate.PositiveFinite(value, nameof(InitialStepsize)); }

    /// <summary>The largest trial stepsize.</summary>
    public double MaxStepsize { get; init => field = Validate.PositiveFinite(value, nameof(MaxStepsize)); }

    /// <inheritdoc />
    public string Name => "GD-Armijo";

    /// <inheritdoc />
    public long? PlannedSteps => null;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(this, start.Dimension);

    private sealed class State(ArmijoGradientDescent settings, int dimension) : IMethodState
    {
        private readonly Iterate _trial = new(dimension);
        private readonly double[] _direction = new double[dimension];
        private double _lastStep = settings.InitialStepsize / 2;

        public StepReport Step(Iterate iterate, Oracle oracle)
        {
            for (int i = 0; i < _direction.Length; i++) _direction[i] = -iterate.Gradient[i];
            double first = Math.Min(2 * _lastStep, settings.MaxStepsize);
            double t = ArmijoBacktracking.Search(iterate, _trial, _direction, -iterate.GradientNormSquared, first, oracle);
            if (double.IsNaN(t)) return ArmijoBacktracking.Failed("GD-Armijo", iterate.Value, first, -iterate.GradientNormSquared);
            _lastStep = t;
            return StepReport.Step(t, StepKind.Short);
        }

        public MethodMemory Save() => new Memory(_lastStep);

        public void Restore(MethodMemory memory) => _lastStep = memory.As<Memory>().LastStep;

        /// <summary>The last accepted stepsize, from which the next search starts.</summary>
        private sealed record Memory(double LastStep) : MethodMemory;
    }
}
