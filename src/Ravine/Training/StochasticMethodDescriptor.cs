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
        var values = OptionSchema.Resolve(Name, Options, given ?? new Dictionary<string, string>(), defaults: null, key => $"'{key}'");
        var texts = values.ToDictionary(v => v.Key, v => MethodDescriptor.Format(v.Value), StringComparer.Ordinal);
        return (_factory(values), texts);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    internal static double Real(IReadOnlyDictionary<string, object> values, string key) => Convert.ToDouble(values[key], System.Globalization.CultureInfo.InvariantCulture);

    internal static int Whole(IReadOnlyDictionary<string, object> values, string key) => checked((int)(long)values[key]);

    internal static bool Flag(IReadOnlyDictionary<string, object> values, string key) => (string)values[key] == "true";
}
