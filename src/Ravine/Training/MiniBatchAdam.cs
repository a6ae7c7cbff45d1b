using System.Numerics.Tensors;
using Ravine.Methods;
using Ravine.Optimization;
using static Ravine.Training.StochasticMethodDescriptor;

namespace Ravine.Training;

/// <summary>
/// Adam (Kingma and Ba 2015) on mini-batch gradients, as PyTorch's <c>torch.optim.Adam</c> computes it:
/// m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², x ← x − (α/(1 − β₁ᵗ))·m/(√v/√(1 − β₂ᵗ) + ε). Defaults α = 1e-3,
/// β = (0.9, 0.999), ε = 1e-8.
/// </summary>
public sealed class MiniBatchAdam : IStochasticMethod
{
    /// <summary>The registry's entry: <c>adam</c> with <c>lr</c>, <c>beta1</c>, <c>beta2</c>, <c>epsilon</c>.</summary>
    public static StochasticMethodDescriptor Descriptor { get; } = new("adam", "Adam on mini-batch gradients (PyTorch's semantics)",
        [
            MethodOption.Positive("lr", "α, the learning rate", "0.001").Tuned(),
            MethodOption.UnitInterval("beta1", "β₁, the first-moment decay", "0.9"),
            MethodOption.UnitInterval("beta2", "β₂, the second-moment decay", "0.999"),
            MethodOption.Positive("epsilon", "ε, added to √v", "1e-8"),
        ],
        v => new MiniBatchAdam(Real(v, "lr"), Real(v, "beta1"), Real(v, "beta2"), Real(v, "epsilon")));

    private double[] _m = [], _v = [], _scratch = [];
    private long _steps;

    /// <summary>Creates the method.</summary>
    public MiniBatchAdam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        if (!(learningRate > 0 && double.IsFinite(learningRate))) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be positive.");
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "β₁ must be in [0, 1).");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "β₂ must be in [0, 1).");
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be positive.");
        (LearningRate, Beta1, Beta2, Epsilon) = (learningRate, beta1, beta2, epsilon);
    }

    /// <inheritdoc />
    public string Name => Descriptor.Name;

    /// <summary>α.</summary>
    public double LearningRate { get; }

    /// <summary>β₁.</summary>
    public double Beta1 { get; }

    /// <summary>β₂.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public void Start(IMiniBatchObjective objective, ReadOnlySpan<double> x, ulong seed)
    {
        _m = new double[x.Length];
        _v = new double[x.Length];
        _scratch = new double[x.Length];
        _steps = 0;
    }

    /// <inheritdoc />
    public StochasticStepReport Step(MiniBatchStep step)
    {
        Span<double> x = step.X, m = _m, v = _v, s = _scratch;
        var g = step.Gradient;
        _steps++;
        TensorPrimitives.Multiply(m, Beta1, m);
        TensorPrimitives.MultiplyAdd(g, 1 - Beta1, m, m);
        TensorPrimitives.Multiply(v, Beta2, v);
        TensorPrimitives.Multiply(g, g, s);
        TensorPrimitives.MultiplyAdd(s, 1 - Beta2, v, v);
        double correction1 = 1 - Math.Pow(Beta1, _steps), correction2 = 1 - Math.Pow(Beta2, _steps);
        TensorPrimitives.Sqrt(v, s);
        TensorPrimitives.Multiply(s, 1 / Math.Sqrt(correction2), s);
        TensorPrimitives.Add(s, Epsilon, s);
        TensorPrimitives.Divide(m, s, s);
        double stepsize = LearningRate / correction1;
        TensorPrimitives.MultiplyAdd(s, -stepsize, x, x);
        return StochasticStepReport.Short(stepsize * Math.Sqrt(correction2));
    }

    /// <inheritdoc />
    public MethodMemory Save() => new Memory((double[])_m.Clone(), (double[])_v.Clone(), _steps);

    /// <inheritdoc />
    public void Restore(MethodMemory memory)
    {
        var saved = memory.As<Memory>();
        if (saved.M.Length != _m.Length || saved.V.Length != _v.Length) throw new FormatException($"The saved moments do not have the model's {_m.Length} parameters.");
        saved.M.CopyTo(_m, 0);
        saved.V.CopyTo(_v, 0);
        _steps = saved.Steps;
    }

    private sealed record Memory(double[] M, double[] V, long Steps) : MethodMemory;
}
