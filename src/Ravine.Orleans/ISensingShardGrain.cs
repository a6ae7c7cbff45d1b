using Ravine.Problems;

namespace Ravine.Orleans;

/// <summary>
/// A quadratic-sensing shard on an Orleans silo, keyed by <see cref="SensingShardData.Key"/>: it reads or generates
/// its rows once (<see cref="LoadAsync"/>), keeps them in the silo's memory, and answers
/// <see cref="EvaluateAsync"/> with each of its row blocks' sums and gradient sums.
/// </summary>
public interface ISensingShardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reads or generates the shard's rows where the grain lives, unless it holds them already; returns how many it
    /// holds. Call it before every run (and resume): a grain that was moved to another silo (its silo died) or collected
    /// while idle starts empty.
    /// </summary>
    /// <exception cref="ShardDataException">The rows could not be read here (a file is missing, changed or unreadable on this silo); the message names it.</exception>
    Task<int> LoadAsync(SensingShardData data);

    /// <summary>Each block's Σᵢ rᵢ² and unscaled gradient over the shard's rows (see <see cref="QuadraticSensing.EvaluateBlocks"/>).</summary>
    /// <remarks>A grain that holds no rows (never loaded, or re-activated after its silo died) fails the call; <see cref="GrainShard"/> then loads it again.</remarks>
    Task<ShardPartial> EvaluateAsync(double[] x);

    /// <summary>The silo that hosts the grain now (its <c>SiloAddress</c> as text).</summary>
    Task<string> SiloAsync();
}
