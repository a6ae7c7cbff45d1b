using System.Numerics.Tensors;
using Ravine.Methods;
using Ravine.Optimization;
using static Ravine.Training.StochasticMethodDescriptor;

namespace Ravine.Training;

/// <summary>
/// Stochastic gradient descent with momentum, as PyTorch's <c>torch.optim.SGD</c> defines it (Sutskever et al. 2013's
/// form): d = g + λx (weight decay λ), b ← μb + d (b = d on the first step), then x ← x − η·(d + μb) with Nesterov
/// momentum, x ← x − η·b without.
/// </summary>
public sealed class SgdMomentum : IStochasticMethod
{
    /// <summary>The default learning rate η: a common choice for small networks with momentum 0.9 (PyTorch has no default).</summary>
    public const double DefaultLearningRate = 0.05;

    /// <summary>The registry's entry: <c>sgd-momentum</c> with <c>lr</c>, <c>momentum</c>, <c>nesterov</c>, <c>weight-decay</c>.</summary>
    public static StochasticMethodDescriptor Descriptor { get; } = new("sgd-momentum", "SGD with heavy-ball or Nesterov momentum (PyTorch's semantics)",
        [
            MethodOption.Positive("lr", "η, the learning rate", "0.05").Tuned(),
            MethodOption.UnitInterval("momentum", "μ, the momentum (0: plain SGD)", "0.9"),
            MethodOption.OneOf("nesterov", "Nesterov momentum", "false", "false", "true"),
            new MethodOption { Key = "weight-decay", Description = "λ, the L2 penalty added to the gradient", Default = "0", Minimum = 0 },
        ],
        v => new SgdMomentum(Real(v, "lr"), Real(v, "momentum"), Flag(v, "nesterov"), Real(v, "weight-decay")));

    private double[] _buffer = [], _direction = [];
    private long _steps;

    /// <summary>Creates the method.</summary>
    public SgdMomentum(double learningRate = DefaultLearningRate, double momentum = 0.9, bool nesterov = false, double weightDecay = 0)
    {
        if (!(learningRate > 0 && double.IsFinite(learningRate))) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be positive.");
        if (!(momentum >= 0 && momentum < 1)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "The momentum must be in [0, 1).");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "The weight decay must be ≥ 0.");
        if (nesterov && momentum == 0) throw new ArgumentException("Nesterov momentum needs a momentum > 0.", nameof(nesterov));
        (LearningRate, Momentum, Nesterov, WeightDecay) = (learningRate, momentum, nesterov, weightDecay);
    }

    /// <inheritdoc />
    public string Name => Descriptor.Name;

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>μ.</summary>
    public double Momentum { get; }

    /// <summary>Whether the momentum is Nesterov's.</summary>
    public bool Nesterov { get; }

    /// <summary>λ.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    public void Start(IMiniBatchObjective objective, ReadOnlySpan<double> x, ulong seed)
    {
        _buffer = new double[x.Length];
        _direction = new double[x.Length];
        _steps = 0;
    }

    /// <inheritdoc />
    public StochasticStepReport Step(MiniBatchStep step)
    {
        Span<double> x = step.X, d = _direction, b = _buffer;
        if (WeightDecay > 0) TensorPrimitives.MultiplyAdd(x, WeightDecay, step.Gradient, d);
        else step.Gradient.CopyTo(d);
        if (Momentum > 0)
        {
            if (_steps == 0) d.CopyTo(b);
            else TensorPrimitives.MultiplyAdd(b, Momentum, d, b);
            if (Nesterov) TensorPrimitives.MultiplyAdd(b, Momentum, d, d);
            else b.CopyTo(d);
        }
        TensorPrimitives.MultiplyAdd(d, -LearningRate, x, x);
        _steps++;
        return StochasticStepReport.Short(LearningRate);
    }

    /// <inheritdoc />
    public MethodMemory Save() => new Memory((double[])_buffer.Clone(), _steps);

    /// <inheritdoc />
    public void Restore(MethodMemory memory)
    {
        var m = memory.As<Memory>();
        if (m.Buffer.Length != _buffer.Length) throw new FormatException($"The saved momentum has {m.Buffer.Length} entries, the model {_buffer.Length} parameters.");
        m.Buffer.CopyTo(_buffer, 0);
        _steps = m.Steps;
    }

    /// <summary>The momentum buffer and the step count.</summary>
    internal sealed record Memory(double[] Buffer, long Steps) : MethodMemory;
}
