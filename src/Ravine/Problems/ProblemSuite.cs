namespace Ravine.Problems;

/// <summary>The published problems by name, each generated from a seed (the paper's notebook used seed 3407).</summary>
public static class ProblemSuite
{
    /// <summary>The seed of the published experiments.</summary>
    public const ulong PublishedSeed = 3407;

    private static readonly (string Name, Func<ulong, ITestProblem> Generate)[] Entries =
    [
        ("quartic-rosenbrock", seed => QuarticRosenbrock.Generate(seed)),
        ("quadratic-sensing", seed => QuadraticSensing.Generate(seed)),
        ("matrix-factorization", seed => MatrixFactorization.Generate(seed)),
        ("single-neuron", seed => SingleNeuron.Generate(seed)),
    ];

    /// <summary>The names, in the order the paper presents them.</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Select(e => e.Name).ToArray();

    /// <summary>Generates the published-size instance of the named problem.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static ITestProblem Generate(string name, ulong seed = PublishedSeed)
    {
        foreach (var entry in Entries)
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
                return entry.Generate(seed);
        throw new ArgumentException($"Unknown problem '{name}'. Known problems: {string.Join(", ", Names)}.", nameof(name));
    }
}
