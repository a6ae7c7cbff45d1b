using Ravine.Problems;

namespace Ravine.Orleans;

/// <summary>
/// A shard evaluated in this process: quadratic-sensing rows (a <see cref="QuadraticSensing"/> built from the shard's
/// rows). <see cref="ShardedObjective"/> over these shards is the single-process reference of a sharded run: a cluster
/// with the same partition gives the same bits.
/// </summary>
public sealed class InProcessShard : IObjectiveShard
{
    private readonly QuadraticSensing _rows;

    /// <summary>A shard whose rows are <paramref name="rows"/>, described for messages by <paramref name="description"/>.</summary>
    public InProcessShard(QuadraticSensing rows, string description)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrEmpty(description);
        (_rows, Description) = (rows, description);
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public int Rows => _rows.MeasurementCount;

    /// <summary>Evaluates on the thread pool, so the shards of one call run side by side as on a cluster.</summary>
    public Task<ShardPartial> EvaluateAsync(double[] x) => Task.Run(() => ShardPartial.Of(_rows, x));
}
