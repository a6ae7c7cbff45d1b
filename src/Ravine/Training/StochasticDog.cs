using System.Numerics.Tensors;
using Ravine.Methods;
using Ravine.Optimization;
using static Ravine.Training.StochasticMethodDescriptor;

namespace Ravine.Training;

/// <summary>
/// DoG, "distance over gradients" (Ivgi, Hinder, Carmon, "DoG is SGD's best friend: a parameter-free dynamic step size
/// schedule", ICML 2023), in its stochastic form: η_t = r̄_t/√(Σ_{i≤t}‖g_i‖²) with r̄_t = max(r_ε, max_{i≤t}‖x_i − x_0‖)
/// and r_ε = α(1 + ‖x_0‖), α = 1e-6 (the paper's default). The paper's optional iterate averaging is not applied.
/// </summary>
public sealed class StochasticDog : IStochasticMethod
{
    /// <summary>The registry's entry: <c>dog</c> with <c>reps</c> (α of r_ε).</summary>
    public static StochasticMethodDescriptor Descriptor { get; } = new("dog", "DoG: distance over gradients, parameter-free (Ivgi et al. 2023)",
        [MethodOption.Positive("reps", "α: the first step's distance is r_ε = α(1 + ‖x₀‖)", "1e-6").Tuned()],
        v => new StochasticDog(Real(v, "reps")));

    private double[] _start = [];
    private double _distance, _squaredGradients;

    /// <summary>Creates the method.</summary>
    public StochasticDog(double relativeFirstDistance = 1e-6)
    {
        if (!(relativeFirstDistance > 0 && double.IsFinite(relativeFirstDistance))) throw new ArgumentOutOfRangeException(nameof(relativeFirstDistance), relativeFirstDistance, "α must be positive.");
        RelativeFirstDistance = relativeFirstDistance;
    }

    /// <inheritdoc />
    public string Name => Descriptor.Name;

    /// <summary>α of r_ε = α(1 + ‖x₀‖).</summary>
    public double RelativeFirstDistance { get; }

    /// <inheritdoc />
    public void Start(IMiniBatchObjective objective, ReadOnlySpan<double> x, ulong seed)
    {
        _start = x.ToArray();
        _distance = RelativeFirstDistance * (1 + TensorPrimitives.Norm(x));
        _squaredGradients = 0;
    }

    /// <inheritdoc />
    public StochasticStepReport Step(MiniBatchStep step)
    {
        _distance = Math.Max(_distance, TensorPrimitives.Distance(step.X, _start));
        _squaredGradients += TensorPrimitives.Dot(step.Gradient, step.Gradient);
        double eta = _squaredGradients > 0 ? _distance / Math.Sqrt(_squaredGradients) : 0;
        TensorPrimitives.MultiplyAdd(step.Gradient, -eta, step.X, step.X);
        return StochasticStepReport.Short(eta);
    }

    /// <inheritdoc />
    public MethodMemory Save() => new Memory((double[])_start.Clone(), _distance, _squaredGradients);

    /// <inheritdoc />
    public void Restore(MethodMemory memory)
    {
        var saved = memory.As<Memory>();
        if (saved.Start.Length != _start.Length) throw new FormatException($"The saved start has {saved.Start.Length} entries, the model {_start.Length} parameters.");
        _start = (double[])saved.Start.Clone();
        (_distance, _squaredGradients) = (saved.Distance, saved.SquaredGradients);
    }

    private sealed record Memory(double[] Start, double Distance, double SquaredGradients) : MethodMemory;
}
