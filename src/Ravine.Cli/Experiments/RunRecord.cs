using Ravine.Analysis;
using Ravine.Methods;
using Ravine.Optimization;

namespace Ravine.Cli.Experiments;

/// <summary>Which run: a problem and a method, by their command-line names.</summary>
/// <param name="Problem">The problem's name, e.g. <c>quartic-rosenbrock</c>.</param>
/// <param name="Method">The method's name in <see cref="MethodRegistry"/>, e.g. <c>gdpolyak</c>.</param>
public sealed record ExperimentKey(string Problem, string Method)
{
    /// <inheritdoc />
    public override string ToString() => $"{Problem}/{Method}";
}

/// <summary>One finished (or cancelled) run of an experiment: what ran, at which settings, and the full result.</summary>
public sealed class RunRecord
{
    /// <summary>Wraps a result with what produced it.</summary>
    public RunRecord(ExperimentKey key, string problemTitle, MethodArguments arguments, ulong seed, long iterationBudget, MinimizeResult result)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(result);
        Key = key; ProblemTitle = problemTitle; Arguments = arguments; Seed = seed; IterationBudget = iterationBudget; Result = result;
        var trace = result.Trace;
        BestDistance = double.NaN;
        foreach (double d in trace.Distance)
            if (!double.IsNaN(d) && !(d >= BestDistance)) BestDistance = d;
        FinalDistance = trace.Count > 0 ? trace.Distance[^1] : double.NaN;
        // From the trace, not the result's value: a GDPolyak run that ends on a long step ends far above its best point,
        // and whether MinimizeResult.Value is the last or the best value must not change what the tables show.
        BestGap = double.NaN;
        for (int i = 0; i < trace.Count; i++)
            if (!double.IsNaN(trace.Gap[i]) && !(trace.Gap[i] >= BestGap))
                (BestGap, BestGapIteration) = (trace.Gap[i], trace.Iteration[i]);
        BestValue = double.NaN;
        OptimalValueEstimate = double.NaN;
        // Empty for a method that estimates no f*.
        var estimates = trace.OptimalValueEstimate;
        for (int i = 0; i < trace.Count; i++)
        {
            if (!double.IsNaN(trace.Value[i]) && !(trace.Value[i] >= BestValue)) (BestValue, BestValueIteration) = (trace.Value[i], trace.Iteration[i]);
            if (i < estimates.Length && double.IsFinite(estimates[i])) OptimalValueEstimate = estimates[i];
            if (trace.Kind[i] == StepKind.Rejected) RejectedLongSteps++;
        }
        var longSteps = new List<(int Epoch, int Iteration, double Stepsize)>();
        int epoch = 0;
        for (int i = 0; i < trace.Count; i++)
        {
            // A skipped long step still ends an epoch, so epochs are counted over both kinds.
            if (trace.Kind[i] is StepKind.Long or StepKind.Skipped or StepKind.Rejected) epoch++;
            if (trace.Kind[i] == StepKind.Long) longSteps.Add((epoch, trace.Iteration[i], trace.Stepsize[i]));
        }
        LongSteps = longSteps;
        HasLongSteps = epoch > 0;
    }

    /// <summary>The problem and method.</summary>
    public ExperimentKey Key { get; }
    /// <summary>The problem's human title.</summary>
    public string ProblemTitle { get; }
    /// <summary>The method's settings this run used (its own options, and f* where it uses one).</summary>
    public MethodArguments Arguments { get; }

    /// <summary>For a run of a published experiment (<c>reproduce</c>, <c>bench</c>): its settings, as the plan cut them.</summary>
    public Paper.PublishedExperiment? Published { get; init; }
    /// <summary>
    /// The trace CSV (full path) the run appended its whole trace to while it went (a checkpointed <c>ravine run</c>,
    /// see <see cref="RunTraceFile"/>), or null: a writer of the run's files leaves that file as it is.
    /// </summary>
    public string? TraceFile { get; init; }
    /// <summary>What the run recorded beside its trace (ravine diagnostics, accuracies), or null when nothing was observed.</summary>
    public RunObservations? Observations { get; init; }

    /// <summary>The ravine diagnostics of the epochs that ended with a long step (empty for methods without long steps).</summary>
    public IReadOnlyList<EpochDiagnostic> Epochs => _epochs ??= Observations?.Epochs(Result.Trace) ?? [];
    private IReadOnlyList<EpochDiagnostic>? _epochs;

    /// <summary>On a classification problem, the fraction of training examples classified correctly at the returned point; NaN elsewhere.</summary>
    public double TrainAccuracy { get; init; } = double.NaN;
    /// <summary>On a classification problem, the fraction of held-out test examples classified correctly at the returned point; NaN elsewhere.</summary>
    public double TestAccuracy { get; init; } = double.NaN;

    /// <summary>
    /// The run's summary, built once: the per-run JSON, <c>summary.json</c>, the console and the reports all show
    /// these same numbers.
    /// </summary>
    public RunSummary Summary => _summary ??= RunSummary.From(this);
    private RunSummary? _summary;

    /// <summary>The training and test accuracies measured along the run (empty unless the problem knows them).</summary>
    public IReadOnlyList<AccuracySample> Accuracy => Observations?.Accuracy ?? [];

    /// <summary>The instance's f* (NaN when it is unknown), whatever f* the method used.</summary>
    public double ProblemOptimalValue { get; init; } = double.NaN;

    /// <summary>The seed of the instance.</summary>
    public ulong Seed { get; }
    /// <summary>The iteration limit the run had.</summary>
    public long IterationBudget { get; }
    /// <summary>The minimizer's result with its trace.</summary>
    public MinimizeResult Result { get; }
    /// <summary>The method's display name, e.g. GDPolyak.</summary>
    public string MethodName => Result.Method;
    /// <summary>f − f* at the final point.</summary>
    public double FinalGap => Result.FinalGap;
    /// <summary>The smallest f − f* along the trace (NaN when every gap is NaN).</summary>
    public double BestGap { get; }
    /// <summary>The first iteration at which <see cref="BestGap"/> was reached.</summary>
    public int BestGapIteration { get; }
    /// <summary>The smallest f along the trace (what the tables show when f* and so the gap are unknown).</summary>
    public double BestValue { get; }
    /// <summary>The first iteration at which <see cref="BestValue"/> was reached.</summary>
    public int BestValueIteration { get; }
    /// <summary>The method's last estimate of f* (f* unknown, estimated), NaN when it used a given f* or none.</summary>
    public double OptimalValueEstimate { get; }
    /// <summary>True when the method took long steps (or tried to: skipped and rolled-back ones count).</summary>
    public bool HasLongSteps { get; }
    /// <summary>Long steps rolled back (by the safeguard, or because the validation loss rose).</summary>
    public int RejectedLongSteps { get; }
    /// <summary>The least validation loss (with validation data), NaN without validation data.</summary>
    public double ValidationLoss => Result.ValidationValue;
    /// <summary>The smallest distance to the solution set along the trace (NaN when the problem does not know it).</summary>
    public double BestDistance { get; }
    /// <summary>The distance to the solution set at the final point.</summary>
    public double FinalDistance { get; }

    /// <summary>On the single neuron: α* of the solution point nearest to the final point (see <see cref="Paper.SingleNeuronSurrogate"/>); NaN elsewhere.</summary>
    public double SingleNeuronSplit { get; init; } = double.NaN;

    /// <summary>
    /// On the single neuron, the paper's surrogate "distance" of <see cref="BestDistance"/>, d²/(4α(1 − α)) with α =
    /// <see cref="SingleNeuronSplit"/> (the split barely moves near the solution set); NaN elsewhere.
    /// </summary>
    public double PaperDistanceSurrogate => double.IsNaN(SingleNeuronSplit) ? double.NaN : Paper.SingleNeuronSurrogate.Of(BestDistance, SingleNeuronSplit);
    /// <summary>The longest step taken.</summary>
    public double LongestStep => Result.LongestStep;
    /// <summary>The long (Polyak) steps actually taken: the epoch they ended, their iteration and stepsize.</summary>
    public IReadOnlyList<(int Epoch, int Iteration, double Stepsize)> LongSteps { get; }
    /// <summary>Oracle calls made, counting the start.</summary>
    public long OracleCalls => Result.OracleCalls;
    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan WallTime => Result.Elapsed;

    /// <summary>The first iteration whose gap is at most <paramref name="tolerance"/>, or null if none is.</summary>
    public int? IterationsToGap(double tolerance)
    {
        var trace = Result.Trace;
        for (int i = 0; i < trace.Count; i++)
            if (trace.Gap[i] <= tolerance) return trace.Iteration[i];
        return null;
    }
}
