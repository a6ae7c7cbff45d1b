using System.Collections;

namespace Ravine.Cli.Experiments;

/// <summary>
/// A method's options as typed (text by key), equal to another when they hold the same pairs in any order, so that
/// <see cref="RunSettings"/> compares by value with a record's own equality. It keeps the order the options were given
/// in, which a written config file or summary follows.
/// </summary>
internal sealed class MethodOptionTexts : IReadOnlyDictionary<string, string>, IEquatable<MethodOptionTexts>
{
    private readonly Dictionary<string, string> values;

    public MethodOptionTexts(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = new Dictionary<string, string>(values, StringComparer.Ordinal);
    }

    public static MethodOptionTexts Empty { get; } = new([]);

    public string this[string key] => values[key];

    public IEnumerable<string> Keys => values.Keys;

    public IEnumerable<string> Values => values.Values;

    public int Count => values.Count;

    public bool ContainsKey(string key) => values.ContainsKey(key);

    public bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(MethodOptionTexts? other) =>
        other is not null && Count == other.Count && values.All(o => other.values.TryGetValue(o.Key, out var v) && v == o.Value);

    public override bool Equals(object? obj) => Equals(obj as MethodOptionTexts);

    // Order-independent, as Equals is.
    public override int GetHashCode() => values.Aggregate(Count, (hash, o) => hash ^ HashCode.Combine(o.Key, o.Value));
}
