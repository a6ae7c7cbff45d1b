using Ravine.Optimization;
using static System.FormattableString;

namespace Ravine.Methods;

/// <summary>
/// The classical Polyak method (Polyak 1969): x ← x − ((f(x) − f*) / ‖∇f(x)‖²) ∇f(x), one oracle call per step.
/// Needs f*. When f(x) ≤ f* the step would be zero or backwards, so the run stops with
/// <see cref="StopReason.OptimalValueReached"/> instead of stalling.
/// </summary>
public sealed record PolyakStep : IMethod
{
    /// <summary>The registry's entry: <c>polyak</c>, which has no option but f*.</summary>
    public static MethodDescriptor Descriptor { get; } = new("polyak", "the Polyak step (f − f*)/‖∇f‖²", [],
        a => new PolyakStep(a.RequiredOptimalValue()), usesOptimalValue: true);

    /// <summary>Creates the method.</summary>
    /// <param name="optimalValue">f*, the minimal value (0 for interpolating problems). It is never assumed.</param>
    public PolyakStep(double optimalValue) => OptimalValue = optimalValue;

    /// <summary>f* used in the stepsize.</summary>
    public double OptimalValue { get; init => field = Validate.Finite(value, nameof(OptimalValue)); }

    /// <inheritdoc />
    public string Name => "Polyak";

    /// <inheritdoc />
    public long? PlannedSteps => null;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(OptimalValue);

    private sealed class State(double optimalValue) : IMethodState
    {
        public StepReport Step(Iterate iterate, Oracle oracle)
        {
            if (iterate.Value <= optimalValue)
                return StepReport.Halt(StopReason.OptimalValueReached,
                    Invariant($"f = {iterate.Value:g6} ≤ f* = {optimalValue:g6}: the Polyak step is zero."));
            return oracle.TakeGradientStep(iterate, PolyakStepsize.Compute(iterate.Value, optimalValue, iterate.GradientNormSquared), StepKind.Long);
        }

        // The Polyak method remembers nothing between steps.
        public MethodMemory Save() => MethodMemory.None;

        public void Restore(MethodMemory memory) => memory.As<NoMemory>();
    }
}
