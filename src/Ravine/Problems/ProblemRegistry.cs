namespace Ravine.Problems;

/// <summary>
/// Every problem by command-line name: descriptors only (name, summary, seeded generator, instance format). Adding a
/// problem is its file and one line below; it needs no published settings.
/// </summary>
public static class ProblemRegistry
{
    /// <summary>The seed a problem is generated from when none is given: 3407, the seed of the GDPolyak paper's notebook.</summary>
    public const ulong DefaultSeed = 3407;

    /// <summary>Every problem, in the order help texts list them.</summary>
    public static IReadOnlyList<ProblemDescriptor> All { get; } =
    [
        new("quartic-rosenbrock", "x⁴ + 10(y − x²)², the paper's two-dimensional ravine", seed => QuarticRosenbrock.Generate(seed), new QuarticRosenbrockInstance()),
        new("quadratic-sensing", "over-parameterized quadratic sensing (d = 100, r = 2, k = 4, m = 1,000)", seed => QuadraticSensing.Generate(seed), new QuadraticSensingInstance()),
        new("matrix-factorization", "over-parameterized matrix factorization ¼‖XXᵀ − M♮‖² (d = 100, r = 2, k = 4)", seed => MatrixFactorization.Generate(seed), new MatrixFactorizationInstance()),
        new("single-neuron", "one ReLU neuron learned by two (d = 100), population loss in closed form", seed => SingleNeuron.Generate(seed), new SingleNeuronInstance()),
    ];

    /// <summary>Every problem's name.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    /// <summary>The named problem (names are matched ignoring case).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones and <see cref="ArgumentException.ParamName"/> is <c>problem</c>.</exception>
    public static ProblemDescriptor Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown problem '{name}'. Known problems: {string.Join(", ", Names)}.", "problem");
    }

    /// <summary>The named problem's instance of a seed.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static ITestProblem Generate(string name, ulong seed = DefaultSeed) => Find(name).Generate(seed);
}
