using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Methods;

/// <summary>
/// The methods by command-line name, each configured from a problem's <see cref="PublishedSettings"/> the way the paper
/// compares them: GDPolyak(η, K) for the published epochs, every other method with stepsize η (where it has one) for
/// K·epochs iterations. Adding a method means one file for the method and one entry here.
/// </summary>
public static class MethodCatalog
{
    private static readonly (string Name, string Summary, Func<PublishedSettings, double, IMethod> Create)[] Entries =
    [
        ("gdpolyak", "GDPolyak: K short steps of size η, then one Polyak step, per epoch", (s, f) => new GdPolyak(s.Stepsize, s.ShortSteps, s.Epochs, f)),
        ("gd", "gradient descent with constant stepsize η", (s, _) => new GradientDescent(s.Stepsize)),
        ("polyak", "the Polyak step (f − f*)/‖∇f‖²", (_, f) => new PolyakStep(f)),
        ("nesterov", "Nesterov's accelerated gradient, stepsize η", (s, _) => new NesterovGradient(s.Stepsize)),
        ("adam", "Adam, learning rate η", (s, _) => new Adam(s.Stepsize)),
        ("bb", "Barzilai–Borwein stepsizes, η for the first step", (s, _) => new BarzilaiBorwein(s.Stepsize)),
        ("gd-armijo", "gradient descent with Armijo backtracking from η", (s, _) => new ArmijoGradientDescent(s.Stepsize)),
        ("lbfgs", "L-BFGS (memory 10) with Armijo backtracking", (_, _) => new LBfgs()),
    ];

    /// <summary>Every method name, the paper's three first.</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Select(e => e.Name).ToArray();

    /// <summary>The methods the paper compares: gdpolyak, gd, polyak.</summary>
    public static IReadOnlyList<string> PaperMethods { get; } = ["gdpolyak", "gd", "polyak"];

    /// <summary>A one-line description of the named method.</summary>
    public static string Describe(string name) => Find(name).Summary;

    /// <summary>Creates the named method configured from <paramref name="settings"/> and the optimal value f*.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static IMethod Create(string name, PublishedSettings settings, double optimalValue)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Find(name).Create(settings, optimalValue);
    }

    /// <summary>
    /// The iteration budget of the named method in the paper's comparison: epochs·(K + 1) for GDPolyak, K·epochs for the others.
    /// </summary>
    public static int IterationBudget(string name, PublishedSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Find(name).Name == "gdpolyak" ? settings.Epochs * (settings.ShortSteps + 1) : settings.BaselineSteps;
    }

    private static (string Name, string Summary, Func<PublishedSettings, double, IMethod> Create) Find(string name)
    {
        foreach (var entry in Entries)
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
                return entry;
        throw new ArgumentException($"Unknown method '{name}'. Known methods: {string.Join(", ", Names)}.", nameof(name));
    }
}
