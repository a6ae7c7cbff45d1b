using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", 2015) on the full gradient: first and second
/// moment estimates with bias correction. One oracle call per step. The recorded stepsize is the bias-corrected
/// learning rate α·√(1 − β₂ᵗ)/(1 − β₁ᵗ); the actual step is per-coordinate.
/// </summary>
public sealed record Adam : IMethod
{
    /// <summary>The default learning rate α: the field's convention (Kingma and Ba; PyTorch, Optax), not GD's η.</summary>
    public const double DefaultLearningRate = 1e-3;

    /// <summary>The registry's entry: <c>adam</c> with its options <c>lr</c>, <c>beta1</c>, <c>beta2</c>, <c>epsilon</c>.</summary>
    public static MethodDescriptor Descriptor { get; } = new("adam", "Adam (full gradient), learning rate lr",
        [
            MethodOption.Positive("lr", "α, the learning rate", DefaultLearningRate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            MethodOption.UnitInterval("beta1", "β₁, the first-moment decay", "0.9"),
            MethodOption.UnitInterval("beta2", "β₂, the second-moment decay", "0.999"),
            MethodOption.Positive("epsilon", "ε, added to √v", "1e-8"),
        ],
        a => new Adam(a.Real("lr"), a.Real("beta1"), a.Real("beta2"), a.Real("epsilon")));

    /// <summary>Creates the method.</summary>
    /// <param name="learningRate">α &gt; 0.</param>
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
    public int? PlannedSteps => null;

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

        public void Save(IDictionary<string, double[]> state)
        {
            state["m"] = (double[])_m.Clone();
            state["v"] = (double[])_v.Clone();
            state["t"] = [_t];
        }

        public void Restore(IReadOnlyDictionary<string, double[]> state)
        {
            MethodStateEntry.ReadVector(state, "m", _m);
            MethodStateEntry.ReadVector(state, "v", _v);
            _t = MethodStateEntry.ReadCount(state, "t", int.MaxValue);
        }
    }
}
