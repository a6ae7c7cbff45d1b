using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// Every method by command-line name: descriptors only (name, summary, option schema, factory). Which settings a
/// published experiment used lives with the experiment, not here. Adding a method is its file, one line below and one
/// line in the tests' list of methods under test.
/// </summary>
public static class MethodRegistry
{
    /// <summary>Every method, in the order help texts list them.</summary>
    public static IReadOnlyList<MethodDescriptor> All { get; } =
    [
        GdPolyak.Descriptor,
        GradientDescent.Descriptor,
        PolyakStep.Descriptor,
        NesterovGradient.Descriptor,
        HeavyBall.Descriptor,
        Adam.Descriptor,
        BarzilaiBorwein.Descriptor,
        ArmijoGradientDescent.Descriptor,
        LBfgs.Descriptor,
        AdaptiveGradientDescent.Descriptor,
        AdaptiveGdPolyak.Descriptor,
        DistanceOverGradients.Descriptor,
        TwinPolyak.Descriptor,
        HazanKakadePolyak.Descriptor,
    ];

    /// <summary>Every method's name.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).ToArray();

    /// <summary>The names of the methods that can estimate an unknown f*: those with a starting estimate among their options.</summary>
    public static IReadOnlyList<string> OptimalValueEstimators { get; } = All.Where(m => m.Option(PolyakLongStep.EstimateKey) is not null).Select(m => m.Name).ToArray();

    /// <summary>
    /// The public settings type of a registered method: the <see cref="IMethod"/> whose static <c>Descriptor</c> it
    /// is, which C# code constructs in place of the command line's name and options.
    /// </summary>
    /// <exception cref="ArgumentException">The descriptor is not one of <see cref="All"/>.</exception>
    public static Type LibraryType(MethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return LibraryTypes.Value.TryGetValue(method, out var type) ? type
            : throw new ArgumentException($"{method.Name} is not a registered method.", nameof(method));
    }

    // Found by reflection, so that a method's file and its line in All are all there is to registering it.
    private static readonly Lazy<Dictionary<MethodDescriptor, Type>> LibraryTypes = new(() => typeof(MethodRegistry).Assembly.GetExportedTypes()
        .Where(t => typeof(IMethod).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
        .Select(t => (Type: t, Descriptor: t.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) as MethodDescriptor))
        .Where(x => x.Descriptor is not null && All.Contains(x.Descriptor))
        .ToDictionary(x => x.Descriptor!, x => x.Type));

    /// <summary>The named method (names are matched ignoring case).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones and <see cref="ArgumentException.ParamName"/> is <c>method</c>.</exception>
    public static MethodDescriptor Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown method '{name}'. Known methods: {string.Join(", ", Names)}.", "method");
    }
}
