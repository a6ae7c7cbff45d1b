namespace Ravine.Optimization;

/// <summary>
/// What a method remembers between steps (counters, moments, estimates), as a record of named, typed members:
/// <see cref="IMethodState.Save"/> returns one and <see cref="IMethodState.Restore"/> continues from it bit for bit.
/// A method declares its own record deriving from this one; its members may be <see cref="double"/>, <see cref="int"/>,
/// <see cref="long"/>, <see cref="bool"/>, <c>double[]</c>, <c>double[][]</c> or another such record (null when the
/// method runs without that part), and it is written to checkpoints by member name, one serializer for all methods.
/// </summary>
public abstract record MethodMemory
{
    /// <summary>The memory of a method that remembers nothing between steps.</summary>
    public static MethodMemory None => NoMemory.Instance;

    /// <summary>
    /// This memory as the method's own record <typeparamref name="T"/>: itself when it is one; when it was read from a
    /// checkpoint, the record rebuilt from its named entries.
    /// </summary>
    /// <exception cref="FormatException">The memory is of another method, or an entry is missing or malformed.</exception>
    public T As<T>() where T : MethodMemory => this switch
    {
        T typed => typed,
        SerializedMethodMemory serialized => MethodMemoryCodec.Decode<T>(serialized.Entries),
        _ => throw new FormatException($"The saved method state is a {GetType().Name}, not the {typeof(T).Name} this method keeps."),
    };
}

/// <summary>A method's memory as read from a checkpoint, before the method that reads it gives it its type.</summary>
internal sealed record SerializedMethodMemory(IReadOnlyDictionary<string, double[]> Entries) : MethodMemory;

/// <summary>See <see cref="MethodMemory.None"/>.</summary>
internal sealed record NoMemory : MethodMemory
{
    public static NoMemory Instance { get; } = new();
}
