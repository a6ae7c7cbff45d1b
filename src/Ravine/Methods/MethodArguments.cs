namespace Ravine.Methods;

/// <summary>
/// A method's settings resolved against its schema: every option's value (given, or its default) checked, plus f*
/// for the methods that use it. What a method's factory reads, and what a run's summary records.
/// </summary>
public sealed class MethodArguments
{
    private readonly Dictionary<string, object> _values;

    internal MethodArguments(MethodDescriptor method, Dictionary<string, object> values, double? optimalValue)
    {
        Method = method;
        _values = values;
        OptimalValue = optimalValue;
    }

    /// <summary>The method these settings are for.</summary>
    public MethodDescriptor Method { get; }

    /// <summary>Every option that has a value, in the schema's order: a <see cref="double"/>, <see cref="long"/> or <see cref="string"/> each.</summary>
    public IReadOnlyDictionary<string, object> Values => _values;

    /// <summary>f* for the methods that use it (<see cref="MethodDescriptor.UsesOptimalValue"/>), null when not given.</summary>
    public double? OptimalValue { get; }

    /// <summary>A real option's value.</summary>
    /// <exception cref="KeyNotFoundException">The option has no value.</exception>
    public double Real(string key) => OptionalReal(key) ?? throw Missing(key);

    /// <summary>A real option's value, or null when it has none.</summary>
    public double? OptionalReal(string key) => _values.TryGetValue(key, out var v) ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>A whole-number option's value.</summary>
    /// <exception cref="KeyNotFoundException">The option has no value.</exception>
    public long Integer(string key) => OptionalInteger(key) ?? throw Missing(key);

    /// <summary>A whole-number option's value, or null when it has none.</summary>
    public long? OptionalInteger(string key) => _values.TryGetValue(key, out var v) ? (long)v : null;

    /// <summary>A choice option's value.</summary>
    /// <exception cref="KeyNotFoundException">The option has no value.</exception>
    public string Choice(string key) => _values.TryGetValue(key, out var v) ? (string)v : throw Missing(key);

    /// <summary>f*, for a method that needs it.</summary>
    /// <exception cref="ArgumentException">No f* was given.</exception>
    public double RequiredOptimalValue() => OptimalValue
        ?? throw new ArgumentException($"{Method.Name} needs a known f* (--fstar F) and cannot estimate it; the methods that estimate an unknown f* are " +
            $"{string.Join(", ", MethodRegistry.OptimalValueEstimators)}.", "fstar");

    private KeyNotFoundException Missing(string key) => new($"{Method.Name} has no value for '{key}'.");
}
