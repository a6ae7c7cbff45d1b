namespace Ravine.Orleans;

/// <summary>
/// A shard grain could not read or generate its rows on its silo (a file of the data folder is missing there,
/// changed, or unreadable); the message is the original error's, naming the path. It crosses the wire, where the
/// original exception types of the instance readers cannot.
/// </summary>
[GenerateSerializer]
public sealed class ShardDataException : Exception
{
    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ShardDataException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the error behind it.</summary>
    public ShardDataException(string message, Exception inner) : base(message, inner)
    {
    }
}

/// <summary>A shard grain holds no rows (it was re-activated on another silo, or collected while idle): load it again.</summary>
[GenerateSerializer]
internal sealed class ShardNotLoadedException(string message) : Exception(message);
