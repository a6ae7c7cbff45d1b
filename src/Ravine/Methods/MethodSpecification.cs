namespace Ravine.Methods;

/// <summary>
/// A method given as one text, its name and <c>KEY=VALUE</c> options separated by spaces (<c>"adam lr=3e-3"</c>), the
/// form every command that takes several methods reads.
/// </summary>
public static class MethodSpecification
{
    /// <summary>Splits <paramref name="text"/> into the method's name and its options as text, by key.</summary>
    /// <exception cref="ArgumentException">The text is blank, a word is not KEY=VALUE, or a key is given twice.</exception>
    public static (string Name, IReadOnlyDictionary<string, string> Options) Split(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in words.Skip(1))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
                throw new ArgumentException($"'{pair}' in '{text}' is not KEY=VALUE.");
            if (!options.TryAdd(pair[..equals], pair[(equals + 1)..]))
                throw new ArgumentException($"'{pair[..equals]}' is given twice in '{text}'.");
        }
        return (words[0], options);
    }
}
