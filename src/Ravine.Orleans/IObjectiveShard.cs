namespace Ravine.Orleans;

/// <summary>
/// One shard of an objective that is a mean over rows, f(x) = (1/m) Σᵢ ℓᵢ(x): it owns a block of the rows and returns
/// the mean and its gradient over its block. <see cref="ShardedObjective"/> weighs the shards' answers by their rows
/// and adds them in shard order.
/// </summary>
/// <remarks>
/// Two implementations: <see cref="GrainShard"/>, a shard grain on an Orleans cluster, and <see cref="InProcessShard"/>,
/// the same rows evaluated in this process (the reference a cluster run equals bit for bit).
/// </remarks>
public interface IObjectiveShard
{
    /// <summary>What the shard holds, for messages (for example <c>rows 500–999 of quadratic-sensing (seed 3407)</c>).</summary>
    string Description { get; }

    /// <summary>The number of rows the shard owns, which its answers must report back.</summary>
    int Rows { get; }

    /// <summary>The mean of the shard's rows and its gradient at <paramref name="x"/>. The shard may keep no reference to <paramref name="x"/>.</summary>
    Task<ShardPartial> EvaluateAsync(double[] x);
}
