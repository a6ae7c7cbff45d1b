using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// Gradient descent with a constant stepsize: x ← x − η ∇f(x). One oracle call per step. On problems with
/// fourth-order growth it converges only sublinearly (gap ~ 1/k² at best); it is the baseline GDPolyak beats.
/// </summary>
public sealed record GradientDescent : IMethod
{
    /// <summary>The registry's entry: <c>gd</c> with its option <c>eta</c> (no default: a constant step depends on the problem's curvature).</summary>
    public static MethodDescriptor Descriptor { get; } = new("gd", "gradient descent with a constant stepsize η",
        [MethodOption.Positive("eta", "η, the constant stepsize (about 1/L)", required: true).Tuned()],
        a => new GradientDescent(a.Real("eta")));

    /// <summary>Creates the method.</summary>
    /// <param name="stepsize">η &gt; 0, typically about 1/L.</param>
    public GradientDescent(double stepsize) => Stepsize = stepsize;

    /// <summary>The constant stepsize η.</summary>
    public double Stepsize { get; init => field = Validate.PositiveFinite(value, nameof(Stepsize)); }

    /// <inheritdoc />
    public string Name => "GD";

    /// <inheritdoc />
    public long? PlannedSteps => null;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(Stepsize);

    private sealed class State(double stepsize) : IMethodState
    {
        public StepReport Step(Iterate iterate, Oracle oracle) => oracle.TakeGradientStep(iterate, stepsize, StepKind.Short);

        // Constant-step GD remembers nothing between steps.
        public MethodMemory Save() => MethodMemory.None;

        public void Restore(MethodMemory memory) => memory.As<NoMemory>();
    }
}
