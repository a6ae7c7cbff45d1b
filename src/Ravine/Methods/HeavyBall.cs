using System.Numerics.Tensors;
using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// Polyak's heavy-ball method (Polyak 1964, "Some methods of speeding up the convergence of iteration methods"):
/// x_{k+1} = x_k − η∇f(x_k) + β(x_k − x_{k−1}), a constant stepsize η and momentum β. One oracle call per step. The
/// momentum rival users reach for first (PyTorch's SGD with momentum is this method); like GD, it is not adaptive to
/// the ravine: β only rescales the effective stepsize η/(1 − β) along a flat direction.
/// </summary>
public sealed record HeavyBall : IMethod
{
    /// <summary>The registry's entry: <c>heavy-ball</c> with its options <c>eta</c> and <c>beta</c>.</summary>
    public static MethodDescriptor Descriptor { get; } = new("heavy-ball", "Polyak's heavy-ball momentum with a constant stepsize η and momentum β",
        [
            MethodOption.Positive("eta", "η, the constant stepsize (about 1/L)", required: true).Tuned(),
            MethodOption.UnitInterval("beta", "β, the momentum", "0.9"),
        ],
        a => new HeavyBall(a.Real("eta"), a.Real("beta")));

    /// <summary>Creates the method.</summary>
    /// <param name="stepsize">η &gt; 0, about 1/L.</param>
    /// <param name="momentum">β in [0, 1); 0 is plain gradient descent.</param>
    public HeavyBall(double stepsize, double momentum = 0.9)
    {
        Stepsize = stepsize;
        Momentum = momentum;
    }

    /// <summary>The constant stepsize η.</summary>
    public double Stepsize { get; init => field = Validate.PositiveFinite(value, nameof(Stepsize)); }

    /// <summary>The momentum β in [0, 1).</summary>
    public double Momentum { get; init => field = Validate.UnitInterval(value, nameof(Momentum)); }

    /// <inheritdoc />
    public string Name => "Heavy ball";

    /// <inheritdoc />
    public long? PlannedSteps => null;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(Stepsize, Momentum, start.X);

    private sealed class State(double stepsize, double momentum, ReadOnlySpan<double> x0) : IMethodState
    {
        // x_{k−1}; at the start x_{−1} = x_0, so the first step is a gradient step.
        private readonly double[] _previous = x0.ToArray();
        private readonly double[] _momentum = new double[x0.Length];

        public StepReport Step(Iterate iterate, Oracle oracle)
        {
            var x = iterate.X;
            TensorPrimitives.Subtract(x, _previous, _momentum);
            x.CopyTo(_previous);
            TensorPrimitives.MultiplyAdd(iterate.Gradient, -stepsize, x, x);
            TensorPrimitives.MultiplyAdd(_momentum, momentum, x, x);
            oracle.Evaluate(iterate);
            return StepReport.Step(stepsize, StepKind.Short);
        }

        public MethodMemory Save() => new Memory((double[])_previous.Clone());

        public void Restore(MethodMemory memory) => MethodStateEntry.Vector(memory.As<Memory>().Previous, _previous, "previous");

        /// <summary>The previous iterate x_{k−1}, from which the momentum term is formed.</summary>
        private sealed record Memory(double[] Previous) : MethodMemory;
    }
}
