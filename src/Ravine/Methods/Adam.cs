using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", 2015) on the full gradient: first and second
/// moment estimates with bias correction. One oracle call per step. The recorded stepsize is the bias-corrected
/// learning rate α·√(1 − β₂ᵗ)/(1 − β₁ᵗ); the actual step is per-coordinate.
/// </summary>
/// <remarks>
/// The default α = 1e-3 is the paper's and every major library's (PyTorch, Optax, Keras). Adam's steps have the size of α
/// whatever the scale of ∇f, so GD's η (about 1/L) is no substitute for it. No single α suits the published problems
/// (final gap after 5,000 steps, Nov 2026): α = 1e-3 gives 1e-8 on matrix factorization and 3e-7 on quadratic sensing
/// but 1e-5 on the quartic Rosenbrock and 5e-2 on the single neuron; α = 1e-2 gives 2e-8 and 1e-6 on those two but 1e-3
/// on sensing. Tune α per problem; the default is the convention a user expects.
/// </remarks>
public sealed record Adam : IMethod
{
    /// <summary>The default learning rate α: the field's convention (Kingma and Ba; PyTorch, Optax), not GD's η.</summary>
    public const double DefaultLearningRate = 1e-3;

    /// <summary>The registry's entry: <c>adam</c> with its options <c>lr</c>, <c>beta1</c>, <c>beta2</c>, <c>epsilon</c>.</summary>
    public static MethodDescriptor Descriptor { get; } = new("adam", "Adam (full gradient), learning rate lr",
        [
            MethodOption.Positive("lr", "α, the learning rate", DefaultLearningRate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Tuned(),
            MethodOption.UnitInterval("beta1", "β₁, the first-moment decay", "0.9"),
            MethodOption.UnitInterval("beta2", "β₂, the second-moment decay", "0.999"),
            MethodOption.Positive("epsilon", "ε, added to √v", "1e-8"),
        ],
        a => new Adam(a.Real("lr"), a.Real("beta1"), a.Real("beta2"), a.Real("epsilon")));

    /// <summary>Creates the method.</summary>
    /// <param name="learningRate">α &gt; 0, default 1e-3.</param>
    /// <param name="beta1">β₁ ∈ [0, 1), the first-moment decay.</param>
    /// <param name="beta2">β₂ ∈ [0, 1), the second-moment decay.</param>
    /// <param name="epsilon">ε &gt; 0, added to √v.</param>
    public Adam(double learningRate = DefaultLearningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>α, the learning rate.</summary>
    public double LearningRate { get; init => field = Validate.PositiveFinite(value, nameof(LearningRate)); }

    /// <summary>β₁.</summary>
    public double Beta1 { get; init => field = Validate.UnitInterval(value, nameof(Beta1)); }

    /// <summary>β₂.</summary>
    public double Beta2 { get; init => field = Validate.UnitInterval(value, nameof(Beta2)); }

    /// <summary>ε.</summary>
    public double Epsilon { get; init => field = Validate.PositiveFinite(value, nameof(Epsilon)); }

    /// <inheritdoc />
    public string Name => "Adam";

    /// <inheritdoc />
    public long? PlannedSteps => null;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(this, start.Dimension);

    private sealed class State(Adam settings, int dimension) : IMethodState
    {
        private readonly double[] _m = new double[dimension];
        private readonly double[] _v = new double[dimension];
        private int _t;

        public StepReport Step(Iterate iterate, Oracle oracle)
        {
            _t++;
            double b1 = settings.Beta1, b2 = settings.Beta2;
            double rate = settings.LearningRate * Math.Sqrt(1 - Math.Pow(b2, _t)) / (1 - Math.Pow(b1, _t));
            var g = iterate.Gradient;
            var x = iterate.X;
            for (int i = 0; i < x.Length; i++)
            {
                _m[i] = b1 * _m[i] + (1 - b1) * g[i];
                _v[i] = b2 * _v[i] + (1 - b2) * g[i] * g[i];
                x[i] -= rate * _m[i] / (Math.Sqrt(_v[i]) + settings.Epsilon);
            }
            oracle.Evaluate(iterate);
            return StepReport.Step(rate, StepKind.Short);
        }

        public MethodMemory Save() => new Memory((double[])_m.Clone(), (double[])_v.Clone(), _t);

        public void Restore(MethodMemory memory)
        {
            var m = memory.As<Memory>();
            MethodStateEntry.Vector(m.M, _m, "m");
            MethodStateEntry.Vector(m.V, _v, "v");
            _t = MethodStateEntry.Count(m.T, int.MaxValue, "t");
        }

        /// <summary>The moment estimates m and v and the step count t.</summary>
        private sealed record Memory(double[] M, double[] V, int T) : MethodMemory;
    }
}
