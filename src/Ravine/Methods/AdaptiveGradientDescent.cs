using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// Adaptive gradient descent, AdGD (Malitsky and Mishchenko, "Adaptive gradient descent without descent", ICML 2020,
/// arXiv 1910.09529; constants of "Adaptive proximal gradient method for convex optimization", arXiv 2308.02261):
/// x_{k+1} = x_k − λ_k ∇f(x_k) with
/// λ_k = min{ √(1 + θ_{k−1}) λ_{k−1}, c ‖x_k − x_{k−1}‖ / ‖∇f(x_k) − ∇f(x_{k−1})‖ }, θ_k = λ_k / λ_{k−1}, θ_0 = +∞,
/// and c = 1/2 (<see cref="Constant2020"/>) or 1/√2 (<see cref="Constant2024"/>, the default). The stepsize
/// follows the local curvature seen between consecutive iterates, so there is nothing to tune and no extra oracle
/// call: one call per step. Not monotone in f by design.
/// </summary>
/// <remarks>
/// The first step has no curvature estimate yet: it is a probe of length 10⁻⁶·max(‖x₀‖, 1) (or the given
/// <see cref="InitialStepsize"/>), and θ_0 = +∞ lets the second step take the curvature bound in full.
/// </remarks>
public sealed record AdaptiveGradientDescent : IMethod
{
    /// <summary>c = 1/2, Malitsky and Mishchenko, ICML 2020 (arXiv 1910.09529).</summary>
    public const double Constant2020 = 0.5;

    /// <summary>c = 1/√2, the larger constant shown to suffice in Malitsky and Mishchenko, arXiv 2308.02261 (2024).</summary>
    public const double Constant2024 = 0.70710678118654757;

    /// <summary>The registry's entry: <c>adgd</c> with its options <c>variant</c> (2024 or 2020) and <c>lambda0</c>.</summary>
    public static MethodDescriptor Descriptor { get; } = new("adgd", "adaptive gradient descent (Malitsky–Mishchenko): stepsize from the local curvature, nothing to tune",
        [
            MethodOption.OneOf("variant", "the constant c of the curvature bound: 2024 (1/√2) or 2020 (1/2)", "2024", "2024", "2020"),
            MethodOption.Positive("lambda0", "λ₀, the first stepsize; default: a probe step of length 1e-6·max(‖x₀‖, 1)"),
        ],
        a => new AdaptiveGradientDescent(ConstantOf(a.Choice("variant")), a.OptionalReal("lambda0")));

    /// <summary>Creates the method.</summary>
    /// <param name="constant">c, <see cref="Constant2024"/> (default) or <see cref="Constant2020"/>.</param>
    /// <param name="initialStepsize">λ₀ &gt; 0 for the first step, or null for a tiny probe step (see remarks).</param>
    public AdaptiveGradientDescent(double constant = Constant2024, double? initialStepsize = null)
    {
        Constant = constant;
        InitialStepsize = initialStepsize;
    }

    /// <summary>c, the constant of the curvature bound: <see cref="Constant2024"/> or <see cref="Constant2020"/>.</summary>
    public double Constant { get; init => field = CheckConstant(value, nameof(Constant)); }

    /// <summary>λ₀, the first stepsize, or null for a probe step of length 10⁻⁶·max(‖x₀‖, 1).</summary>
    public double? InitialStepsize { get; init => field = value is double v ? Validate.PositiveFinite(v, nameof(InitialStepsize)) : null; }

    /// <inheritdoc />
    public string Name => "AdGD";

    /// <inheritdoc />
    public long? PlannedSteps => null;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(new AdGdStepsize(Constant, InitialStepsize, start.Dimension));

    // Only the two constants the papers prove: a larger c is not covered by either, and a smaller one is only slower.
    internal static double CheckConstant(double value, string name) => value is Constant2020 or Constant2024
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"{name} must be {Constant2024} (1/√2, 2024) or {Constant2020} (1/2, 2020).");

    internal static double ConstantOf(string variant) => variant == "2020" ? Constant2020 : Constant2024;

    private sealed class State(AdGdStepsize stepsize) : IMethodState
    {
        public StepReport Step(Iterate iterate, Oracle oracle) => oracle.TakeGradientStep(iterate, stepsize.Next(iterate), StepKind.Short);

        public MethodMemory Save() => stepsize.Save();

        public void Restore(MethodMemory memory) => stepsize.Restore(memory.As<AdGdStepsize.Memory>());
    }
}
