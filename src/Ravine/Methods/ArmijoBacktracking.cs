using System.Numerics.Tensors;
using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// Backtracking along a descent direction d until the Armijo condition f(x + t d) ≤ f(x) + c·t·∇f(x)ᵀd holds.
/// Every trial is one oracle call; the accepted trial becomes the iterate, so nothing is evaluated twice.
/// </summary>
internal static class ArmijoBacktracking
{
    public const double SufficientDecrease = 1e-4;
    public const double Shrink = 0.5;
    public const int MaxTrials = 60;

    /// <summary>Returns the accepted stepsize, or NaN when no trial passed (the iterate is then unchanged).</summary>
    public static double Search(Iterate iterate, Iterate trial, ReadOnlySpan<double> direction, double slope, double initialStep, Oracle oracle)
    {
        double t = initialStep;
        for (int attempt = 0; attempt < MaxTrials; attempt++, t *= Shrink)
        {
            TensorPrimitives.MultiplyAdd(direction, t, iterate.X, trial.X);
            oracle.Evaluate(trial);
            if (trial.Value <= iterate.Value + SufficientDecrease * t * slope)
            {
                iterate.CopyFrom(trial);
                return t;
            }
        }
        return double.NaN;
    }

    public static StepReport Failed(string method) =>
        StepReport.Halt(StopReason.LineSearchFailed, $"{method}: no step satisfied the Armijo condition after {MaxTrials} halvings.");
}
