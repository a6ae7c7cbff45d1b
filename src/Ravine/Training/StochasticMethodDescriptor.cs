using Ravine.Methods;

namespace Ravine.Training;

/// <summary>A stochastic method's name, summary, options (the schema of <see cref="MethodOption"/>) and factory.</summary>
public sealed class StochasticMethodDescriptor
{
    private readonly Func<IReadOnlyDictionary<string, object>, IStochasticMethod> _factory;

    /// <summary>Describes a method; <paramref name="factory"/> gets every option's parsed value (given or default).</summary>
    public StochasticMethodDescriptor(string name, string summary, IReadOnlyList<MethodOption> options, Func<IReadOnlyDictionary<string, object>, IStochasticMethod> factory)
    {
        Name = name;
        Summary = summary;
        Options = options;
        _factory = factory;
    }

    /// <summary>The name users type.</summary>
    public string Name { get; }

    /// <summary>One line on what the method does.</summary>
    public string Summary { get; }

    /// <summary>The method's options with their defaults.</summary>
    public IReadOnlyList<MethodOption> Options { get; }

    /// <summary>
    /// The method with options given as text by key (missing ones take their defaults), and the values it was built
    /// with, each formatted so it reads back exactly.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown key or an invalid value; the message names the option.</exception>
    public (IStochasticMethod Method, IReadOnlyDictionary<string, string> Values) Create(IReadOnlyDictionary<string, string>? given = null)
    {
        given ??= new Dictionary<string, string>();
        foreach (var key in given.Keys)
            if (!Options.Any(o => o.Key == key))
                throw new ArgumentException($"{Name} has no option '{key}'. Its options: {string.Join(", ", Options.Select(o => o.Key))}.", key);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in Options)
        {
            string text = given.TryGetValue(option.Key, out var g) ? g : option.Default ?? throw new ArgumentException($"{Name} needs {option.Key} ({option.Description}).", option.Key);
            values[option.Key] = option.Parse(text);
            texts[option.Key] = MethodDescriptor.Format(values[option.Key]);
        }
        return (_factory(values), texts);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    internal static double Real(IReadOnlyDictionary<string, object> values, string key) => Convert.ToDouble(values[key], System.Globalization.CultureInfo.InvariantCulture);

    internal static int Whole(IReadOnlyDictionary<string, object> values, string key) => checked((int)(long)values[key]);

    internal static bool Flag(IReadOnlyDictionary<string, object> values, string key) => (string)values[key] == "true";
}
