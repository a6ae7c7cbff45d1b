using Ravine.Methods;

namespace Ravine.Training;

/// <summary>The stochastic methods by name, and the parser of a method given with its options as one text.</summary>
public static class StochasticMethodRegistry
{
    /// <summary>Every stochastic method, in the order help lists them.</summary>
    public static IReadOnlyList<StochasticMethodDescriptor> All { get; } =
        [StochasticGdPolyak.Descriptor, SgdMomentum.Descriptor, MiniBatchAdam.Descriptor, SpsMax.Descriptor, StochasticDog.Descriptor, ScheduleFreeSgd.Descriptor];

    /// <summary>The names, in order.</summary>
    public static IEnumerable<string> Names => All.Select(m => m.Name);

    /// <summary>The method of that name.</summary>
    /// <exception cref="ArgumentException">No method has that name; the message lists them.</exception>
    public static StochasticMethodDescriptor Get(string name) =>
        All.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"Unknown training method '{name}'. The methods: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>
    /// A method given as its name and <c>KEY=VALUE</c> options separated by spaces (<c>"adam lr=3e-3"</c>), built,
    /// with its name and the option values it was built with.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown method or option, an invalid value, or a word that is not KEY=VALUE.</exception>
    public static (IStochasticMethod Method, IReadOnlyDictionary<string, string> Values) Parse(string specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (string.IsNullOrWhiteSpace(specification)) throw new ArgumentException("A training method needs a name.", nameof(specification));
        var (name, given) = MethodSpecification.Split(specification);
        return Get(name).Create(given);
    }
}
