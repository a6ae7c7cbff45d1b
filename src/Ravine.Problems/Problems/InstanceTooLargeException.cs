namespace Ravine.Problems;

/// <summary>
/// The sizes asked of a generator give an instance too large to hold in memory. Such an instance can still be used
/// from files: <see cref="SeededSensingFiles.Write"/> writes it block by block and <see cref="NpySensingRows"/> reads it
/// block by block.
/// </summary>
public sealed class InstanceTooLargeException : ArgumentException
{
    /// <summary>An exception for <paramref name="sizes"/>, which <paramref name="reason"/> says why are too large.</summary>
    /// <param name="reason">Why the instance does not fit, without advice (e.g. the entry count and the limit).</param>
    /// <param name="sizes">The sizes asked for, every key with its value.</param>
    public InstanceTooLargeException(string reason, IReadOnlyDictionary<string, int> sizes)
        : base($"{reason}; write the instance to files, which are read block by block.", "size")
    {
        ArgumentNullException.ThrowIfNull(sizes);
        Reason = reason;
        Sizes = sizes;
    }

    /// <summary>Why the instance does not fit.</summary>
    public string Reason { get; }

    /// <summary>The sizes asked for, every key with its value.</summary>
    public IReadOnlyDictionary<string, int> Sizes { get; }
}
