using System.Numerics.Tensors;
using Ravine.Optimization;
using static System.FormattableString;

namespace Ravine.Methods;

/// <summary>
/// Backtracking along a descent direction d until the Armijo condition f(x + t d) ≤ f(x) + c·t·∇f(x)ᵀd holds.
/// Every trial is one oracle call; the accepted trial becomes the iterate, so nothing is evaluated twice. A trial must
/// also lower f strictly: at f's round-off floor the search then stops (<see cref="StopReason.WorkingPrecision"/>)
/// instead of accepting steps that change nothing.
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
            // Strictly below f(x) as well: once c·t·slope is below half an ulp of f(x) the Armijo bound rounds to f(x)
            // itself, and a trial that does not move x (or moves it within round-off) would pass and be "accepted"
            // over and over, each time after dozens of calls, without any progress.
            if (trial.Value <= iterate.Value + SufficientDecrease * t * slope && trial.Value < iterate.Value)
            {
                iterate.CopyFrom(trial);
                return t;
            }
        }
        return double.NaN;
    }

    /// <summary>
    /// The halt after a failed search from <paramref name="value"/> whose first trial <paramref name="initialStep"/>
    /// predicted the change <paramref name="initialStep"/>·<paramref name="slope"/>: within a few ulps of |f| nothing
    /// measurable was left to gain (<see cref="StopReason.WorkingPrecision"/>); otherwise
    /// <see cref="StopReason.LineSearchFailed"/>, which the loop still reads as working precision when ‖∇f‖ is at its floor.
    /// </summary>
    public static StepReport Failed(string method, double value, double initialStep, double slope) =>
        Math.Abs(initialStep * slope) <= RoundingUlps * (Math.BitIncrement(Math.Abs(value)) - Math.Abs(value))
            ? StepReport.Halt(StopReason.WorkingPrecision,
                Invariant($"{method}: no further decrease at working precision: the decrease a step could give, {Math.Abs(initialStep * slope):g3}, is within {RoundingUlps} ulps of f = {value:g6}."))
            : StepReport.Halt(StopReason.LineSearchFailed,
                Invariant($"{method}: no step along the search direction lowered f = {value:g4} enough (Armijo) after {MaxTrials} halvings, with ‖∇f‖ far above its round-off floor: the gradient likely does not match f (check it with GradientChecker)."));

    /// <summary>How many ulps of |f| a first-order decrease must exceed to be measurable.</summary>
    public const int RoundingUlps = 16;
}
