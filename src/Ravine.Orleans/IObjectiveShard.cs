namespace Ravine.Orleans;

/// <summary>
/// One shard of an objective that is a mean over rows, f(x) = (1/m) Σᵢ ℓᵢ(x): it owns consecutive whole blocks of the
/// rows and returns each block's sums Σᵢ ℓᵢ and gradient sum. <see cref="ShardedObjective"/> adds all shards' blocks in
/// block order and divides by m.
/// </summary>
/// <remarks>
/// Two implementations: <see cref="GrainShard"/>, a shard grain on an Orleans cluster, and <see cref="InProcessShard"/>,
/// the same rows evaluated in this process (the reference a cluster run equals bit for bit).
/// </remarks>
public interface IObjectiveShard
{
    /// <summary>What the shard holds, for messages (for example <c>rows 1024–2047 of the seed-3407 instance</c>).</summary>
    string Description { get; }

    /// <summary>The number of rows the shard owns, which its answers must report back.</summary>
    int Rows { get; }

    /// <summary>The sums of each of the shard's blocks and their gradients at <paramref name="x"/>. The shard may keep no reference to <paramref name="x"/>.</summary>
    Task<ShardPartial> EvaluateAsync(double[] x);
}
