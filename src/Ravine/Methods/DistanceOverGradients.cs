using System.Numerics.Tensors;
using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// DoG, "distance over gradients" (Ivgi, Hinder and Carmon, "DoG is SGD's best friend: a parameter-free dynamic step
/// size schedule", ICML 2023, arXiv 2302.12022), here with full gradients: x_{t+1} = x_t − η_t ∇f(x_t) with
/// η_t = r̄_t / √(Σ_{i≤t} ‖∇f(x_i)‖²) and r̄_t = max(r_ε, max_{i≤t} ‖x_i − x₀‖). The numerator is the farthest the run
/// has moved from its start, so the stepsize grows while the iterates travel and settles once they stop; nothing to
/// tune but the first movement r_ε. One oracle call per step.
/// </summary>
/// <remarks>
/// r_ε = <see cref="RelativeFirstMovement"/>·(1 + ‖x₀‖), the paper's recommendation (10⁻⁶ relative). Its known
/// failure modes are the two ends of that choice: an r_ε far too large diverges, one far too small spends many steps
/// growing the numerator before the iterates move.
/// </remarks>
public sealed record DistanceOverGradients : IMethod
{
    /// <summary>The registry's entry: <c>dog</c> with its option <c>r-epsilon</c>.</summary>
    public static MethodDescriptor Descriptor { get; } = new("dog", "DoG (Ivgi–Hinder–Carmon): stepsize = farthest distance from x₀ / √(sum of ‖∇f‖²), parameter-free",
        [MethodOption.Positive("r-epsilon", "the first movement r_ε relative to 1 + ‖x₀‖", "1e-6")],
        a => new DistanceOverGradients(a.Real("r-epsilon")));

    /// <summary>Creates the method.</summary>
    /// <param name="relativeFirstMovement">r_ε / (1 + ‖x₀‖), the paper's 10⁻⁶ by default.</param>
    public DistanceOverGradients(double relativeFirstMovement = 1e-6) => RelativeFirstMovement = relativeFirstMovement;

    /// <summary>The first movement r_ε relative to 1 + ‖x₀‖: the numerator of the first stepsize.</summary>
    public double RelativeFirstMovement { get; init => field = Validate.PositiveFinite(value, nameof(RelativeFirstMovement)); }

    /// <inheritdoc />
    public string Name => "DoG";

    /// <inheritdoc />
    public long? PlannedSteps => null;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) =>
        new State(start.X, RelativeFirstMovement * (1 + TensorPrimitives.Norm((ReadOnlySpan<double>)start.X)));

    private sealed class State(ReadOnlySpan<double> x0, double firstMovement) : IMethodState
    {
        private readonly double[] _x0 = x0.ToArray();
        private double _farthest = firstMovement;
        private double _gradientSquares;

        public StepReport Step(Iterate iterate, Oracle oracle)
        {
            _farthest = Math.Max(_farthest, TensorPrimitives.Distance((ReadOnlySpan<double>)iterate.X, _x0));
            _gradientSquares += iterate.GradientNormSquared;
            return oracle.TakeGradientStep(iterate, _farthest / Math.Sqrt(_gradientSquares), StepKind.Short);
        }

        public MethodMemory Save() => new Memory((double[])_x0.Clone(), _farthest, _gradientSquares);

        public void Restore(MethodMemory memory)
        {
            var m = memory.As<Memory>();
            MethodStateEntry.Vector(m.Start, _x0, "start");
            if (!(m.Farthest > 0 && double.IsFinite(m.Farthest)) || !(m.GradientSquares >= 0))
                throw new FormatException($"The saved DoG state has an invalid distance {m.Farthest} or gradient sum {m.GradientSquares}.");
            (_farthest, _gradientSquares) = (m.Farthest, m.GradientSquares);
        }

        /// <summary>x₀, the farthest distance from it so far (at least r_ε) and the running sum of ‖∇f‖².</summary>
        private sealed record Memory(double[] Start, double Farthest, double GradientSquares) : MethodMemory;
    }
}
