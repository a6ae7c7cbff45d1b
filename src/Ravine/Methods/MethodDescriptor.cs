using System.Globalization;
using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// A method as the registry knows it: its command-line name, a one-line summary, the schema of its options and a
/// factory from resolved options to the method. Each method's file declares its own descriptor next to the method,
/// so adding a method is that file and one line in <see cref="MethodRegistry"/>.
/// </summary>
public sealed class MethodDescriptor
{
    private readonly Func<MethodArguments, IMethod> _factory;

    /// <summary>Describes a method.</summary>
    /// <param name="name">The command-line name, lower case, e.g. <c>gdpolyak</c>.</param>
    /// <param name="summary">One line for help texts.</param>
    /// <param name="options">The schema of its settings (keys unique).</param>
    /// <param name="factory">Builds the method from resolved settings.</param>
    /// <param name="usesOptimalValue">True when the method reads f* (the Polyak steps).</param>
    public MethodDescriptor(string name, string summary, IReadOnlyList<MethodOption> options, Func<MethodArguments, IMethod> factory, bool usesOptimalValue = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(factory);
        if (options.Select(o => o.Key).Distinct(StringComparer.Ordinal).Count() != options.Count)
            throw new ArgumentException($"The options of {name} repeat a key.", nameof(options));
        Name = name;
        Summary = summary;
        Options = options;
        UsesOptimalValue = usesOptimalValue;
        _factory = factory;
    }

    /// <summary>The command-line name, e.g. <c>gdpolyak</c>.</summary>
    public string Name { get; }

    /// <summary>One line for help texts.</summary>
    public string Summary { get; }

    /// <summary>The method's settings, as <c>--KEY</c> options and config keys.</summary>
    public IReadOnlyList<MethodOption> Options { get; }

    /// <summary>True when the method uses f* (then <c>--fstar</c> applies; the problem's f* is the default).</summary>
    public bool UsesOptimalValue { get; }

    /// <summary>The option of that key, or null.</summary>
    public MethodOption? Option(string key) => Options.FirstOrDefault(o => o.Key == key);

    /// <summary>Checks settings given as text without resolving them: every key is an option and every value fits it.</summary>
    /// <exception cref="ArgumentException">An unknown key or an invalid value; <see cref="ArgumentException.ParamName"/> is the key.</exception>
    public void Check(IReadOnlyDictionary<string, string> given)
    {
        ArgumentNullException.ThrowIfNull(given);
        OptionSchema.Check(Name, Options, given, Flag);
    }

    /// <summary>
    /// Resolves settings given as text: each given key must be one of <see cref="Options"/>; a missing one takes
    /// <paramref name="defaults"/>' value (for example a published experiment's), else the option's own default.
    /// </summary>
    /// <param name="given">The user's values by key (command line or config file).</param>
    /// <param name="defaults">The caller's defaults by key, which win over the options' own; keys this method lacks are ignored.</param>
    /// <param name="optimalValue">f* (ignored unless <see cref="UsesOptimalValue"/>).</param>
    /// <exception cref="ArgumentException">An unknown key, an invalid value, or a required option without a value; <see cref="ArgumentException.ParamName"/> is the key.</exception>
    public MethodArguments Resolve(IReadOnlyDictionary<string, string>? given = null, IReadOnlyDictionary<string, string>? defaults = null, double? optimalValue = null)
    {
        var values = OptionSchema.Resolve(Name, Options, given ?? new Dictionary<string, string>(), defaults, Flag);
        return new MethodArguments(this, values, UsesOptimalValue ? optimalValue : null);
    }

    /// <summary>The method built from resolved settings.</summary>
    /// <exception cref="ArgumentException">The settings do not fit the method.</exception>
    public IMethod Create(MethodArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Method != this)
            throw new ArgumentException($"The settings are for {arguments.Method.Name}, not {Name}.", nameof(arguments));
        return _factory(arguments);
    }

    /// <summary>Resolves and builds in one go (see <see cref="Resolve"/>).</summary>
    public IMethod Create(IReadOnlyDictionary<string, string>? given = null, IReadOnlyDictionary<string, string>? defaults = null, double? optimalValue = null) =>
        Create(Resolve(given, defaults, optimalValue));

    /// <summary>"Its options: --eta (…), …" or "It has no options.", for messages.</summary>
    public string OptionList() => OptionSchema.List(Options, Flag);

    // A key as the command line writes it.
    private static string Flag(string key) => key.Length == 1 ? "-" + key : "--" + key;

    /// <summary>Formats a resolved value in the text form <see cref="MethodOption.Parse"/> reads back exactly.</summary>
    public static string Format(object value) => value switch
    {
        double d => IO.RoundTripDouble.Format(d),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <inheritdoc />
    public override string ToString() => Name;
}
