using System.Text;
using Ravine.Cli.Experiments;
using Ravine.IO;
using Ravine.Training;

namespace Ravine.Cli.Training;

/// <summary>
/// A training run's files in its folder, each written atomically: <c>trace.csv</c> (a row per epoch), <c>checkpoint.json</c>
/// (rewritten after each epoch and when the run stops; <c>--resume</c> continues from it) and, once the run ends,
/// <c>summary.json</c>.
/// </summary>
internal static class TrainingFiles
{
    public const string Trace = "trace.csv";
    public const string Checkpoint = "checkpoint.json";
    public const string Summary = "summary.json";

    /// <summary>The trace's columns.</summary>
    public const string Header = "epoch,steps,seconds,batch_loss,train_loss,train_accuracy,validation_loss,validation_accuracy,test_loss,test_accuracy,long_steps,rolled_back,stepsize,long_stepsize,curvature";

    /// <summary>Writes the rows so far and the checkpoint that continues after them.</summary>
    public static void WriteProgress(string folder, TrainingCheckpoint checkpoint)
    {
        Directory.CreateDirectory(folder);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var r in checkpoint.Rows)
            text.AppendJoin(',', [r.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Steps.ToString(System.Globalization.CultureInfo.InvariantCulture),
                F(r.Seconds), F(r.BatchLoss), F(r.Training.Loss), F(r.Training.Accuracy), F(r.Validation.Loss), F(r.Validation.Accuracy), F(r.Test.Loss), F(r.Test.Accuracy),
                r.LongSteps.ToString(System.Globalization.CultureInfo.InvariantCulture), r.RolledBack.ToString(System.Globalization.CultureInfo.InvariantCulture),
                F(r.Stepsize), F(r.LongStepsize), F(r.Curvature)]).Append('\n');
        AtomicFile.WriteAllText(Path.Combine(folder, Trace), text.ToString());
        AtomicFile.Write(Path.Combine(folder, Checkpoint), stream => TrainingCheckpointJson.Write(checkpoint, stream));
    }

    /// <summary>Writes a finished run's summary (its checkpoint is already written).</summary>
    public static void WriteSummary(TrainingRunOutcome run) =>
        AtomicFile.WriteAllText(Path.Combine(run.Folder, Summary), ExperimentJson.Serialize(TrainingRunSummary.Of(run)));

    /// <summary>A run's checkpoint, or null when it has none.</summary>
    /// <exception cref="FormatException">The checkpoint is damaged.</exception>
    public static TrainingCheckpoint? ReadCheckpoint(string folder)
    {
        string path = Path.Combine(folder, Checkpoint);
        if (!File.Exists(path)) return null;
        using var stream = File.OpenRead(path);
        try
        {
            return TrainingCheckpointJson.Read(stream);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// A finished run read back from its folder, or null when it has not finished. Its point is the one the run
    /// returned: the best after a divergence, else the method's point to score at the checkpoint's parameters (the
    /// average, for Schedule-Free SGD), which the method rebuilt from the checkpoint gives.
    /// </summary>
    public static TrainingRunOutcome? ReadFinished(string folder, string method, ulong seed, IMiniBatchObjective objective)
    {
        string path = Path.Combine(folder, Summary);
        if (!File.Exists(path) || ReadCheckpoint(folder) is not { } checkpoint) return null;
        var summary = ExperimentJson.Deserialize<TrainingRunSummary>(File.ReadAllText(path));
        var x = summary.StopReason == TrainingStopReason.Diverged ? checkpoint.BestX : EvaluationPoint(method, seed, objective, checkpoint);
        return new TrainingRunOutcome(method, seed, new TrainingResult(summary.StopReason, summary.Message, x, checkpoint.BestX, checkpoint.BestEpoch, checkpoint), folder);
    }

    private static double[] EvaluationPoint(string method, ulong seed, IMiniBatchObjective objective, TrainingCheckpoint checkpoint)
    {
        var rebuilt = StochasticMethodRegistry.Parse(method).Method;
        rebuilt.Start(objective, checkpoint.X, seed);
        rebuilt.Restore(checkpoint.Memory);
        return rebuilt.EvaluationPoint(checkpoint.X).ToArray();
    }

    private static string F(double value) => RoundTripDouble.Format(value);
}

/// <summary>A finished run's <c>summary.json</c>.</summary>
internal sealed record TrainingRunSummary(string Method, ulong Seed, TrainingStopReason StopReason, string Message, int Epochs, long Steps, double Seconds, int BestEpoch,
    HeldOutScore Training, HeldOutScore Validation, HeldOutScore Test, int LongSteps, int RolledBack, double GrowthOrder, IReadOnlyList<RavineProbeResult> Probes)
{
    public static TrainingRunSummary Of(TrainingRunOutcome run)
    {
        var last = run.Result.Rows[^1];
        return new(run.Method, run.Seed, run.Result.StopReason, run.Result.Message, last.Epoch, last.Steps, last.Seconds, run.Result.BestEpoch,
            last.Training, last.Validation, last.Test, run.Result.LongSteps.Count(s => s.Kept), run.Result.LongSteps.Count(s => !s.Kept), run.Result.GrowthOrder, run.Result.Probes);
    }
}
