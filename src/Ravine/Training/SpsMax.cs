using System.Numerics.Tensors;
using Ravine.Methods;
using Ravine.Optimization;
using static Ravine.Training.StochasticMethodDescriptor;

namespace Ravine.Training;

/// <summary>
/// SPSmax, the stochastic Polyak stepsize capped from above (Loizou, Vaswani, Laradji, Lacoste-Julien, "Stochastic Polyak
/// step-size for SGD", AISTATS 2021): x ← x − γ∇f_B(x) with γ = min((f_B(x) − f_B*)/(c‖∇f_B(x)‖²), γ_b), f_B* = 0
/// (each batch's loss can reach 0 when the model interpolates), c = 0.5. The method remembers nothing between steps.
/// </summary>
public sealed class SpsMax : IStochasticMethod
{
    /// <summary>The registry's entry: <c>spsmax</c> with <c>c</c>, <c>max</c> (γ_b) and <c>fstar</c>.</summary>
    public static StochasticMethodDescriptor Descriptor { get; } = new("spsmax", "Stochastic Polyak stepsize, capped (SPSmax, Loizou et al. 2021)",
        [
            MethodOption.Positive("c", "c, the Polyak step's divisor (0.5 in the paper's theory)", "0.5"),
            MethodOption.Positive("max", "γ_b, the cap on the stepsize", "1").Tuned(),
            new MethodOption { Key = "fstar", Description = "f_B*, each batch's least loss", Default = "0" },
        ],
        v => new SpsMax(Real(v, "c"), Real(v, "max"), Real(v, "fstar")));

    /// <summary>Creates the method.</summary>
    public SpsMax(double c = 0.5, double maximum = 1, double optimalValue = 0)
    {
        if (!(c > 0)) throw new ArgumentOutOfRangeException(nameof(c), c, "c must be positive.");
        if (!(maximum > 0 && double.IsFinite(maximum))) throw new ArgumentOutOfRangeException(nameof(maximum), maximum, "γ_b must be positive.");
        (C, Maximum, OptimalValue) = (c, maximum, optimalValue);
    }

    /// <inheritdoc />
    public string Name => Descriptor.Name;

    /// <summary>c.</summary>
    public double C { get; }

    /// <summary>γ_b.</summary>
    public double Maximum { get; }

    /// <summary>f_B*.</summary>
    public double OptimalValue { get; }

    /// <inheritdoc />
    public void Start(IMiniBatchObjective objective, ReadOnlySpan<double> x, ulong seed) { }

    /// <inheritdoc />
    public StochasticStepReport Step(MiniBatchStep step)
    {
        double squared = TensorPrimitives.Dot(step.Gradient, step.Gradient);
        double gap = Math.Max(step.Loss - OptimalValue, 0);
        double gamma = squared > 0 ? Math.Min(gap / (C * squared), Maximum) : 0;
        TensorPrimitives.MultiplyAdd(step.Gradient, -gamma, step.X, step.X);
        return StochasticStepReport.Short(gamma);
    }

    /// <inheritdoc />
    public MethodMemory Save() => MethodMemory.None;

    /// <inheritdoc />
    public void Restore(MethodMemory memory) { }
}
