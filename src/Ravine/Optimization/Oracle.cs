using System.Numerics.Tensors;
using Ravine.Objectives;

namespace Ravine.Optimization;

/// <summary>
/// Counts and performs oracle calls (one evaluation of f and ∇f at one point) for a run. Every
/// evaluation a method makes goes through here, so the counts in the result are exact.
/// </summary>
public sealed class Oracle
{
    private readonly IObjective _objective;

    /// <summary>
    /// An oracle for <paramref name="objective"/> with no calls made: what <see cref="Minimizer"/> hands a method, and
    /// what drives a method's <see cref="IMethod.Start"/> and steps by hand (a benchmark of one step, a test of a method).
    /// </summary>
    public Oracle(IObjective objective) => _objective = objective ?? throw new ArgumentNullException(nameof(objective));

    /// <summary>How many oracle calls were made so far.</summary>
    public long Calls { get; internal set; }

    /// <summary>The objective being minimized.</summary>
    public IObjective Objective => _objective;

    /// <summary>Evaluates f and ∇f at <see cref="Iterate.X"/> and stores them in the iterate.</summary>
    public void Evaluate(Iterate iterate)
    {
        iterate.Value = Evaluate(iterate.X, iterate.GradientStorage);
        iterate.GradientNormSquared = TensorPrimitives.Dot(iterate.Gradient, iterate.Gradient);
    }

    /// <summary>
    /// x ← x − t ∇f(x), then one oracle call at the new point. A non-finite t is not taken: the run stops with
    /// <see cref="StopReason.NonFiniteStep"/> (an overflowing long step must not wreck the iterate).
    /// </summary>
    public StepReport TakeGradientStep(Iterate iterate, double stepsize, StepKind kind)
    {
        if (!double.IsFinite(stepsize))
            return StepReport.Halt(StopReason.NonFiniteStep, $"The {kind} stepsize is {stepsize}; the step was not taken.");
        iterate.MoveAlongNegativeGradient(stepsize);
        Evaluate(iterate);
        return StepReport.Step(stepsize, kind);
    }

    /// <summary>Evaluates f and ∇f at an arbitrary point (a line-search trial, say); counted like any call.</summary>
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        Calls++;
        return _objective.Evaluate(x, gradient);
    }
}
