namespace Ravine.Training;

/// <summary>A training run's outcome: why it stopped, its points, its rows, long steps and probes, and how to continue it.</summary>
/// <param name="StopReason">Why it stopped.</param>
/// <param name="Message">Why, in words.</param>
/// <param name="X">The final parameters, where the method scores them (<see cref="IStochasticMethod.EvaluationPoint"/>); after a divergence, the best ones.</param>
/// <param name="BestX">The best parameters seen at an epoch's end.</param>
/// <param name="BestEpoch">The epoch that ended at <paramref name="BestX"/>.</param>
/// <param name="Checkpoint">The state it stopped in: <see cref="Trainer.Train"/> with it continues the run.</param>
public sealed record TrainingResult(TrainingStopReason StopReason, string Message, double[] X, double[] BestX, int BestEpoch, TrainingCheckpoint Checkpoint)
{
    /// <summary>One row per epoch, epoch 0 the initial point.</summary>
    public IReadOnlyList<TrainingRow> Rows => Checkpoint.Rows;

    /// <summary>Every long step.</summary>
    public IReadOnlyList<LongStepRecord> LongSteps => Checkpoint.LongSteps;

    /// <summary>The ravine probes.</summary>
    public IReadOnlyList<RavineProbeResult> Probes => Checkpoint.Probes;

    /// <summary>The growth order read from the probes (<see cref="RavineProbe.GrowthOrder"/>), or NaN.</summary>
    public double GrowthOrder => RavineProbe.GrowthOrder(Probes);
}
