using Ravine.Cli.Paper;
using Ravine.Methods;

namespace Ravine.Cli.Compare;

/// <summary>
/// The settings a method takes on a problem in <c>compare</c> and <c>sweep</c>: the paper's where the paper ran the
/// problem (<see cref="PublishedExperiment.MethodDefaults"/>), else the method's own. GDPolyak's published epoch
/// count is left out: every run gets the same oracle-call budget instead, so methods are compared per call.
/// </summary>
internal static class MethodDefaults
{
    /// <summary>The option values a method gets on <paramref name="problem"/> where none is given.</summary>
    public static IReadOnlyDictionary<string, string> For(MethodDescriptor method, string problem)
    {
        ArgumentNullException.ThrowIfNull(method);
        var defaults = new Dictionary<string, string>(PublishedExperiments.For(problem)?.MethodDefaults(method) ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        defaults.Remove("epochs");
        return defaults;
    }

    /// <summary>The required options that have no value on the problem: given, from <paramref name="defaults"/>, or the option's own.</summary>
    public static IReadOnlyList<MethodOption> Missing(MethodDescriptor method, IReadOnlyDictionary<string, string> defaults, IReadOnlyDictionary<string, string>? given = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.Options.Where(o => o.Required && o.Default is null && !defaults.ContainsKey(o.Key) && !(given?.ContainsKey(o.Key) ?? false)).ToArray();
    }

    /// <summary>The stepsize option that <c>--tune</c> grids: the option the method declares tuned on a logarithmic scale, or null.</summary>
    public static MethodOption? Stepsize(MethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.Options.FirstOrDefault(o => o.Tuning == TuningScale.Logarithmic);
    }
}
