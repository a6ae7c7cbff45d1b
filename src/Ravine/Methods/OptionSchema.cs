namespace Ravine.Methods;

/// <summary>
/// Checks and resolves a method's options given as text against their schema, for the deterministic methods'
/// <see cref="MethodDescriptor"/> and the stochastic methods' descriptor alike: the same rules and the same messages,
/// with each caller saying how a key is written where the user typed it (<c>--eta</c> on a command line, <c>'eta'</c>
/// in a "NAME KEY=VALUE" method).
/// </summary>
internal static class OptionSchema
{
    /// <summary>Every given key is an option and every value parses.</summary>
    /// <exception cref="ArgumentException">An unknown key or an invalid value; <see cref="ArgumentException.ParamName"/> is the key.</exception>
    public static void Check(string method, IReadOnlyList<MethodOption> options, IReadOnlyDictionary<string, string> given, Func<string, string> written)
    {
        foreach (var (key, text) in given)
            (options.FirstOrDefault(o => o.Key == key) ?? throw new ArgumentException($"{method} has no option {written(key)}. {List(options, written)}", key)).Parse(text);
    }

    /// <summary>
    /// Each option's value: given, else <paramref name="defaults"/>' (keys the method lacks are ignored), else the
    /// option's own default; an optional option without any is left out.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown key, an invalid value, or a required option without a value.</exception>
    public static Dictionary<string, object> Resolve(string method, IReadOnlyList<MethodOption> options, IReadOnlyDictionary<string, string> given,
        IReadOnlyDictionary<string, string>? defaults, Func<string, string> written)
    {
        Check(method, options, given, written);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            string? text = given.TryGetValue(option.Key, out var g) ? g
                : defaults is not null && defaults.TryGetValue(option.Key, out var d) ? d
                : option.Default;
            if (text is not null)
                values[option.Key] = option.Parse(text);
            else if (option.Required)
                throw new ArgumentException($"{method} needs {written(option.Key)} ({option.Description}): {option.Domain}.", option.Key);
        }
        return values;
    }

    /// <summary>"Its options: --eta, …" or "It has no options.", for messages.</summary>
    public static string List(IReadOnlyList<MethodOption> options, Func<string, string> written) => options.Count == 0
        ? "It has no options."
        : "Its options: " + string.Join(", ", options.Select(o => written(o.Key))) + ".";
}
