using System.Text.Json.Serialization;
using Ravine.Analysis;

namespace Ravine.Cli.Experiments;

/// <summary>One run's numbers, as written to its JSON file and to <c>summary.json</c>.</summary>
public sealed record RunSummary
{
    /// <summary>The problem's name.</summary>
    public required string Problem { get; init; }
    /// <summary>The problem's human title.</summary>
    public required string ProblemTitle { get; init; }
    /// <summary>The method's command-line name.</summary>
    public required string Method { get; init; }
    /// <summary>The method's display name.</summary>
    public required string MethodName { get; init; }
    /// <summary>The seed of the instance.</summary>
    public required ulong Seed { get; init; }
    /// <summary>The method's own settings in effect (e.g. eta, K, epochs for GDPolyak; lr, beta1, beta2, epsilon for Adam).</summary>
    public required MethodOptionValues Options { get; init; }
    /// <summary>f* as the method used it; null for methods that use none.</summary>
    public required double? OptimalValue { get; init; }
    /// <summary>The iteration limit.</summary>
    public required long IterationBudget { get; init; }
    /// <summary>Iterations taken.</summary>
    public required long Iterations { get; init; }
    /// <summary>Oracle calls made, counting the start.</summary>
    public required long OracleCalls { get; init; }
    /// <summary>Why the run stopped.</summary>
    public required string StopReason { get; init; }
    /// <summary>The stop message.</summary>
    public required string Message { get; init; }
    /// <summary>f at the final point.</summary>
    public required double FinalValue { get; init; }
    /// <summary>f − f* at the final point.</summary>
    public required double FinalGap { get; init; }
    /// <summary>The smallest f − f* along the trace.</summary>
    public required double BestGap { get; init; }
    /// <summary>The first iteration at which <see cref="BestGap"/> was reached.</summary>
    public required int BestGapIteration { get; init; }
    /// <summary>The smallest f seen.</summary>
    public required double BestValue { get; init; }
    /// <summary>The distance to the solution set at the final point.</summary>
    public required double FinalDistance { get; init; }
    /// <summary>The smallest distance to the solution set seen.</summary>
    public required double BestDistance { get; init; }
    /// <summary>On the single neuron, the paper's surrogate "distance" of the best distance (see <see cref="Paper.SingleNeuronSurrogate"/>); null elsewhere.</summary>
    public double? PaperDistanceSurrogate { get; init; }
    /// <summary>The longest step taken.</summary>
    public required double LongestStep { get; init; }
    /// <summary>The first long (Polyak) step, or NaN if none.</summary>
    public required double FirstLongStep { get; init; }
    /// <summary>The last long (Polyak) step, or NaN if none.</summary>
    public required double LastLongStep { get; init; }
    /// <summary>The first iteration with gap ≤ 1e-12, or null if none.</summary>
    public required int? IterationsToGap1e12 { get; init; }
    /// <summary>Wall-clock seconds of the run.</summary>
    public required double WallSeconds { get; init; }
    /// <summary>On a classification problem: the fraction of training examples classified correctly at the returned point; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TrainAccuracy { get; init; }
    /// <summary>On a classification problem: the fraction of held-out test examples classified correctly at the returned point; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TestAccuracy { get; init; }
    /// <summary>The method's f* estimate at the end, when it estimated f* (f* unknown); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? OptimalValueEstimate { get; init; }
    /// <summary>What the run said about its f* (<c>TooLow</c>, <c>TooHigh</c>, <c>Unreliable</c>, <c>EstimateTooHigh</c>; the message says why); absent when nothing.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OptimalValueDoubt { get; init; }
    /// <summary>Long steps rolled back (by the safeguard, or because the validation loss rose); absent for methods without long steps.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RejectedLongSteps { get; init; }
    /// <summary>With validation data: the least validation loss (at the returned point); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ValidationLoss { get; init; }
    /// <summary>The ravine diagnostics in brief (GDPolyak's methods); absent for methods without long steps.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RunDiagnostics? Diagnostics { get; init; }
    /// <summary>How the long steps' forecasts matched their outcomes (GDPolyak's safeguard, see docs/ADAPTIVE.md); absent for runs that made no forecast.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ForecastRecord? Forecast { get; init; }

    /// <summary>The summary of <paramref name="run"/>.</summary>
    public static RunSummary From(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var r = run.Result;
        return new RunSummary
        {
            Problem = run.Key.Problem, ProblemTitle = run.ProblemTitle, Method = run.Key.Method, MethodName = run.MethodName,
            Seed = run.Seed, Options = new MethodOptionValues(run.Arguments.Values), OptimalValue = run.Arguments.OptimalValue,
            IterationBudget = run.IterationBudget, Iterations = r.Iterations, OracleCalls = r.OracleCalls,
            StopReason = r.StopReason.ToString(), Message = r.Message, FinalValue = r.FinalValue, FinalGap = r.FinalGap, BestGap = run.BestGap, BestGapIteration = run.BestGapIteration, BestValue = r.BestValue,
            FinalDistance = run.FinalDistance, BestDistance = run.BestDistance,
            PaperDistanceSurrogate = double.IsNaN(run.PaperDistanceSurrogate) ? null : run.PaperDistanceSurrogate, LongestStep = r.LongestStep,
            FirstLongStep = run.LongSteps.Count > 0 ? run.LongSteps[0].Stepsize : double.NaN,
            LastLongStep = run.LongSteps.Count > 0 ? run.LongSteps[^1].Stepsize : double.NaN,
            IterationsToGap1e12 = run.IterationsToGap(1e-12), WallSeconds = r.Elapsed.TotalSeconds, Diagnostics = RunDiagnostics.From(run.Epochs),
            Forecast = ForecastRecord.Of(r.Trace),
            OptimalValueEstimate = double.IsNaN(run.OptimalValueEstimate) ? null : run.OptimalValueEstimate,
            RejectedLongSteps = run.HasLongSteps ? run.RejectedLongSteps : null,
            OptimalValueDoubt = r.OptimalValueDoubt == Optimization.OptimalValueDoubt.None ? null : r.OptimalValueDoubt.ToString(),
            ValidationLoss = double.IsNaN(run.ValidationLoss) ? null : run.ValidationLoss,
            TrainAccuracy = double.IsNaN(run.TrainAccuracy) ? null : run.TrainAccuracy,
            TestAccuracy = double.IsNaN(run.TestAccuracy) ? null : run.TestAccuracy,
        };
    }
}
