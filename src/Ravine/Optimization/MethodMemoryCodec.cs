using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace Ravine.Optimization;

/// <summary>
/// Writes any <see cref="MethodMemory"/> record as named arrays of doubles and reads it back, member by member in
/// the order of its constructor: a number is an array of one, a nested record's members are named after it
/// (<c>long.epochsInRound</c>), an array of arrays is numbered (<c>s.0</c>, <c>s.1</c>). Integers and flags must read
/// back as whole numbers in range, so a corrupt checkpoint fails loudly instead of resuming wrongly; only a member
/// declared with a default may be absent (a checkpoint written before that member existed).
/// </summary>
internal static class MethodMemoryCodec
{
    private static readonly ConcurrentDictionary<Type, RecordShape> Shapes = new();

    private sealed record RecordShape(ConstructorInfo Constructor, ParameterInfo[] Parameters, PropertyInfo[] Properties);

    public static Dictionary<string, double[]> Encode(MethodMemory memory)
    {
        if (memory is SerializedMethodMemory serialized) return new(serialized.Entries);
        var entries = new Dictionary<string, double[]>();
        Write(memory, "", entries);
        return entries;
    }

    public static T Decode<T>(IReadOnlyDictionary<string, double[]> entries) where T : MethodMemory => (T)Read(typeof(T), "", entries);

    private static void Write(object record, string prefix, Dictionary<string, double[]> entries)
    {
        var shape = Shape(record.GetType());
        for (int i = 0; i < shape.Parameters.Length; i++)
        {
            string key = prefix + Camel(shape.Parameters[i].Name!);
            switch (shape.Properties[i].GetValue(record))
            {
                case null: break;
                case double d: entries[key] = [d]; break;
                case int n: entries[key] = [n]; break;
                case long n: entries[key] = [n]; break;
                case bool b: entries[key] = [b ? 1 : 0]; break;
                case double[] v: entries[key] = (double[])v.Clone(); break;
                case double[][] vs:
                    for (int j = 0; j < vs.Length; j++) entries[Item(key, j)] = (double[])vs[j].Clone();
                    break;
                case MethodMemory nested: Write(nested, key + ".", entries); break;
                case var other: throw new NotSupportedException($"A method's memory cannot keep '{key}' of type {other.GetType().Name}.");
            }
        }
    }

    private static object Read(Type type, string prefix, IReadOnlyDictionary<string, double[]> entries)
    {
        var shape = Shape(type);
        var arguments = new object?[shape.Parameters.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            var parameter = shape.Parameters[i];
            string key = prefix + Camel(parameter.Name!);
            Type t = parameter.ParameterType;
            // A member added later with a default reads a checkpoint written before it as that default.
            if (parameter.HasDefaultValue && !entries.ContainsKey(key) && !HasMembers(entries, key))
            {
                arguments[i] = parameter.DefaultValue;
                continue;
            }
            arguments[i] =
                t == typeof(double) ? Single(entries, key)
                : t == typeof(int) ? (int)Whole(entries, key, int.MinValue, int.MaxValue)
                : t == typeof(long) ? (long)Whole(entries, key, long.MinValue, long.MaxValue)
                : t == typeof(bool) ? Whole(entries, key, 0, 1) == 1
                : t == typeof(double[]) ? (entries.TryGetValue(key, out var v) ? (double[])v.Clone() : throw Missing(key, "vector"))
                : t == typeof(double[][]) ? Items(entries, key)
                : typeof(MethodMemory).IsAssignableFrom(t) ? (HasMembers(entries, key) ? Read(t, key + ".", entries) : null)
                : throw new NotSupportedException($"A method's memory cannot keep '{key}' of type {t.Name}.");
        }
        return shape.Constructor.Invoke(arguments);
    }

    // Whether a nested record or an array of arrays under this key was written: its members are named after it.
    private static bool HasMembers(IReadOnlyDictionary<string, double[]> entries, string key) =>
        entries.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal));

    private static double Single(IReadOnlyDictionary<string, double[]> entries, string key) =>
        entries.TryGetValue(key, out var values) && values.Length == 1 ? values[0] : throw Missing(key, "single value");

    private static double Whole(IReadOnlyDictionary<string, double[]> entries, string key, double minimum, double maximum)
    {
        double v = Single(entries, key);
        if (!(v >= minimum && v <= maximum) || v != Math.Floor(v))
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"The saved method state has '{key}' = {v}, expected an integer in [{minimum}, {maximum}]."));
        return v;
    }

    private static double[][] Items(IReadOnlyDictionary<string, double[]> entries, string key)
    {
        var items = new List<double[]>();
        while (entries.TryGetValue(Item(key, items.Count), out var item)) items.Add((double[])item.Clone());
        return [.. items];
    }

    private static string Item(string key, int index) => key + "." + index.ToString(CultureInfo.InvariantCulture);

    private static FormatException Missing(string key, string what) => new($"The saved method state has no {what} '{key}'.");

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    // A record's primary constructor: the one whose parameters are all properties (not the copy constructor).
    private static RecordShape Shape(Type type) => Shapes.GetOrAdd(type, t =>
    {
        const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var constructor in t.GetConstructors(Instance))
        {
            var parameters = constructor.GetParameters();
            if (parameters.Length == 1 && parameters[0].ParameterType == t) continue;
            var properties = parameters.Select(p => t.GetProperty(p.Name!, Instance, null, p.ParameterType, [], null)).OfType<PropertyInfo>().ToArray();
            if (properties.Length == parameters.Length) return new(constructor, parameters, properties);
        }
        throw new NotSupportedException($"The method memory {t.Name} has no constructor that takes each of its properties.");
    });
}
