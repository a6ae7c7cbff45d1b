namespace Ravine.Orleans;

/// <summary>
/// A shard failed: its call threw (its silo died, timed out, or lost its rows), or it answered with NaN at a finite
/// point or with a gradient of the wrong length. The message names the shard: its number, how many there are, and
/// the rows it holds.
/// </summary>
public sealed class ShardException : Exception
{
    /// <summary>Creates the exception for shard <paramref name="shard"/> (0-based) of <paramref name="count"/>.</summary>
    public ShardException(int shard, int count, string description, string problem, Exception? inner = null)
        : base($"shard {shard + 1} of {count} ({description}) {problem}", inner)
    {
        Shard = shard;
        Count = count;
        Description = description;
    }

    /// <summary>The failing shard's index, 0-based (the message counts from 1).</summary>
    public int Shard { get; }

    /// <summary>The number of shards.</summary>
    public int Count { get; }

    /// <summary>What the shard holds (<see cref="IObjectiveShard.Description"/>).</summary>
    public string Description { get; }
}
