using Ravine.Objectives;

namespace Ravine.Orleans;

/// <summary>
/// A shard evaluated in this process: an objective over the shard's rows (for example a
/// <see cref="Problems.QuadraticSensing"/> built from them). <see cref="ShardedObjective"/> over these shards is the
/// single-process reference of a sharded run: a cluster with the same partition gives the same bits.
/// </summary>
public sealed class InProcessShard : IObjectiveShard
{
    private readonly IObjective _rows;

    /// <summary>A shard whose rows are the mean objective <paramref name="rows"/>, which holds <paramref name="count"/> rows.</summary>
    public InProcessShard(IObjective rows, int count, string description)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentException.ThrowIfNullOrEmpty(description);
        (_rows, Rows, Description) = (rows, count, description);
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public int Rows { get; }

    /// <summary>Evaluates on the thread pool, so the shards of one call run side by side as on a cluster.</summary>
    public Task<ShardPartial> EvaluateAsync(double[] x) => Task.Run(() =>
    {
        var gradient = new double[_rows.Dimension];
        double value = _rows.Evaluate(x, gradient);
        return new ShardPartial(value, gradient, Rows);
    });
}
