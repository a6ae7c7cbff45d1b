using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// Adaptive gradient descent, AdGD (Malitsky and Mishchenko, "Adaptive gradient descent without descent", ICML 2020,
/// arXiv 1910.09529; constants of "Adaptive proximal gradient method for convex optimization", arXiv 2308.02261):
/// x_{k+1} = x_k − λ_k ∇f(x_k) with
/// λ_k = min{ √(1 + θ_{k−1}) λ_{k−1}, c ‖x_k − x_{k−1}‖ / ‖∇f(x_k) − ∇f(x_{k−1})‖ }, θ_k = λ_k / λ_{k−1}, θ_0 = +∞,
/// and c = 1/2 (<see cref="AdGdVariant.Original2020"/>) or 1/√2 (<see cref="AdGdVariant.Improved2024"/>). The stepsize
/// follows the local curvature seen between consecutive iterates, so there is nothing to tune and no extra oracle
/// call: one call per step. Not monotone in f by design.
/// </summary>
/// <remarks>
/// The first step has no curvature estimate yet: it is a probe of length 10⁻⁶·max(‖x₀‖, 1) (or the given
/// <see cref="InitialStepsize"/>), and θ_0 = +∞ lets the second step take the curvature bound in full.
/// </remarks>
public sealed record AdaptiveGradientDescent : IMethod
{
    /// <summary>Creates the method.</summary>
    /// <param name="variant">Which constant c the curvature bound uses; the 2024 one (1/√2) by default.</param>
    /// <param name="initialStepsize">λ₀ &gt; 0 for the first step, or null for a tiny probe step (see remarks).</param>
    public AdaptiveGradientDescent(AdGdVariant variant = AdGdVariant.Improved2024, double? initialStepsize = null)
    {
        Variant = variant;
        InitialStepsize = initialStepsize;
    }

    /// <summary>The constant of the curvature bound: 1/2 (2020) or 1/√2 (2024).</summary>
    public AdGdVariant Variant
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Variant), value, "Unknown AdGD variant.");
    }

    /// <summary>λ₀, the first stepsize, or null for a probe step of length 10⁻⁶·max(‖x₀‖, 1).</summary>
    public double? InitialStepsize { get; init => field = value is double v ? Validate.PositiveFinite(v, nameof(InitialStepsize)) : null; }

    /// <inheritdoc />
    public string Name => "AdGD";

    /// <inheritdoc />
    public int? PlannedSteps => null;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(new AdGdStepsize(Variant.Constant(), InitialStepsize, start.Dimension));

    private sealed class State(AdGdStepsize stepsize) : IMethodState
    {
        public StepReport Step(Iterate iterate, Oracle oracle) => oracle.TakeGradientStep(iterate, stepsize.Next(iterate), StepKind.Short);

        public void Save(IDictionary<string, double[]> state) => stepsize.Save(state, "adgd");

        public void Restore(IReadOnlyDictionary<string, double[]> state) => stepsize.Restore(state, "adgd");
    }
}

/// <summary>The constant c in AdGD's curvature bound c‖x_k − x_{k−1}‖/‖∇f(x_k) − ∇f(x_{k−1})‖.</summary>
public enum AdGdVariant
{
    /// <summary>c = 1/2, Malitsky and Mishchenko, ICML 2020 (arXiv 1910.09529).</summary>
    Original2020,
    /// <summary>c = 1/√2, the larger constant shown to suffice in Malitsky and Mishchenko, arXiv 2308.02261 (2024).</summary>
    Improved2024,
}

// The constant of each variant; internal so that the public surface stays the enum.
internal static class AdGdVariantExtensions
{
    public static double Constant(this AdGdVariant variant) => variant switch
    {
        AdGdVariant.Original2020 => 0.5,
        AdGdVariant.Improved2024 => 1 / Math.Sqrt(2),
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown AdGD variant."),
    };
}
