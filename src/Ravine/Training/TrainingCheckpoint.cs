using Ravine.Optimization;

namespace Ravine.Training;

/// <summary>
/// Everything a <see cref="Trainer"/> needs to continue a run bit for bit: the parameters, the method's memory, the
/// position (epoch and batch: the batch order is a function of the seed and the epoch), the running sums of the epoch
/// in progress, and the rows, long steps and probes so far.
/// </summary>
public sealed record TrainingCheckpoint
{
    /// <summary>The method's name.</summary>
    public required string Method { get; init; }

    /// <summary>The run's seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The batch size.</summary>
    public required int BatchSize { get; init; }

    /// <summary>The epoch to continue (1-based).</summary>
    public required int Epoch { get; init; }

    /// <summary>The batches of that epoch already done.</summary>
    public required int Batch { get; init; }

    /// <summary>Mini-batch steps so far.</summary>
    public required long Steps { get; init; }

    /// <summary>Seconds of training so far.</summary>
    public required double Seconds { get; init; }

    /// <summary>The parameters the method steps from (a method may score another point: <see cref="IStochasticMethod.EvaluationPoint"/>).</summary>
    public required double[] X { get; init; }

    /// <summary>The best parameters so far (by validation accuracy, or loss for a model that is not a classifier).</summary>
    public required double[] BestX { get; init; }

    /// <summary>The epoch the best parameters ended.</summary>
    public required int BestEpoch { get; init; }

    /// <summary>The method's memory.</summary>
    public required MethodMemory Memory { get; init; }

    /// <summary>The sum of the epoch in progress's batch losses.</summary>
    public required double EpochLossSum { get; init; }

    /// <summary>The last mini-batch step's stepsize.</summary>
    public required double LastStepsize { get; init; }

    /// <summary>The rows so far.</summary>
    public required IReadOnlyList<TrainingRow> Rows { get; init; }

    /// <summary>The long steps so far.</summary>
    public required IReadOnlyList<LongStepRecord> LongSteps { get; init; }

    /// <summary>The probes so far.</summary>
    public required IReadOnlyList<RavineProbeResult> Probes { get; init; }
}
