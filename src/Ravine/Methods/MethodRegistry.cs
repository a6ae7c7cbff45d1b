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
    ];

    /// <summary>Every method's name.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).ToArray();

    /// <summary>The names of the methods that can estimate an unknown f*: those with a starting estimate among their options.</summary>
    public static IReadOnlyList<string> OptimalValueEstimators { get; } = All.Where(m => m.Option(PolyakLongStep.EstimateKey) is not null).Select(m => m.Name).ToArray();

    /// <summary>The named method (names are matched ignoring case).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones and <see cref="ArgumentException.ParamName"/> is <c>method</c>.</exception>
    public static MethodDescriptor Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown method '{name}'. Known methods: {string.Join(", ", Names)}.", "method");
    }
}
