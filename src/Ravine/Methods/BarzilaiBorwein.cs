using System.Numerics.Tensors;
using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// The Barzilai–Borwein method ("Two-point step size gradient methods", 1988), long BB1 stepsize sᵀs / sᵀy with
/// s = x_k − x_{k−1}, y = ∇f(x_k) − ∇f(x_{k−1}); η for the first step and whenever sᵀy ≤ 0. Non-monotone, one oracle
/// call per step.
/// </summary>
public sealed record BarzilaiBorwein : IMethod
{
    /// <summary>The registry's entry: <c>bb</c> with its option <c>eta</c>.</summary>
    public static MethodDescriptor Descriptor { get; } = new("bb", "Barzilai–Borwein stepsizes; η for the first step",
        [MethodOption.Positive("eta", "η, the first (and fallback) stepsize", required: true)],
        a => new BarzilaiBorwein(a.Real("eta")));

    /// <summary>Creates the method.</summary>
    /// <param name="initialStepsize">η &gt; 0 for the first step and the fallback.</param>
    public BarzilaiBorwein(double initialStepsize) => InitialStepsize = initialStepsize;

    /// <summary>η, the first and fallback stepsize.</summary>
    public double InitialStepsize { get; init => field = Validate.PositiveFinite(value, nameof(InitialStepsize)); }

    /// <inheritdoc />
    public string Name => "BB";

    /// <inheritdoc />
    public int? PlannedSteps => null;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(InitialStepsize, start.Dimension);

    private sealed class State(double initialStepsize, int dimension) : IMethodState
    {
        private readonly double[] _previousX = new double[dimension];
        private readonly double[] _previousGradient = new double[dimension];
        private readonly double[] _s = new double[dimension];
        private readonly double[] _y = new double[dimension];
        private bool _hasPrevious;

        public StepReport Step(Iterate iterate, Oracle oracle)
        {
            double t = initialStepsize;
            if (_hasPrevious)
            {
                TensorPrimitives.Subtract(iterate.X, _previousX, _s);
                TensorPrimitives.Subtract(iterate.Gradient, _previousGradient, _y);
                double sy = TensorPrimitives.Dot(_s, _y);
                double bb = TensorPrimitives.Dot(_s, _s) / sy;
                if (sy > 0 && double.IsFinite(bb)) t = bb;
            }
            iterate.X.CopyTo(_previousX);
            iterate.Gradient.CopyTo(_previousGradient);
            _hasPrevious = true;
            return oracle.TakeGradientStep(iterate, t, StepKind.Short);
        }

        public void Save(IDictionary<string, double[]> state)
        {
            state["previousX"] = (double[])_previousX.Clone();
            state["previousGradient"] = (double[])_previousGradient.Clone();
            state["hasPrevious"] = [_hasPrevious ? 1 : 0];
        }

        public void Restore(IReadOnlyDictionary<string, double[]> state)
        {
            MethodStateEntry.ReadVector(state, "previousX", _previousX);
            MethodStateEntry.ReadVector(state, "previousGradient", _previousGradient);
            _hasPrevious = MethodStateEntry.ReadCount(state, "hasPrevious", 1) == 1;
        }
    }
}
