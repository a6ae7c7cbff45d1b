using Ravine.Problems;

namespace Ravine.Cli.Paper;

/// <summary>
/// The paper's experiments: the problems <c>reproduce</c> runs by default, the methods it compares and the settings of
/// each (<see cref="PublishedExperiment"/>). The claims checked on them are <see cref="PaperClaims"/>.
/// </summary>
public static class PublishedExperiments
{
    /// <summary>The seed of the paper's notebook.</summary>
    public const ulong Seed = ProblemRegistry.DefaultSeed;

    /// <summary>Every published experiment, in the order the paper presents them.</summary>
    public static IReadOnlyList<PublishedExperiment> All { get; } =
    [
        new("quartic-rosenbrock", 0.0125, 100, 50),
        new("quadratic-sensing", 0.05, 300, 50),
        // Matrix factorization: this library's choice (the paper does not fix one). On the seed-3407 instance with
        // η = 0.5, K = 100, 50 epochs: GDPolyak's best distance 3.4e-6, GD's 2.0e-2, Polyak's 9.1e-4 (270× apart);
        // GDPolyak's final gap 6.8e-15 and its long step grows 6.3e7× (27 → 1.7e9). η = 0.1 and 0.3 are too timid:
        // the short steps do not flatten the quadratic directions within K = 100, so the long steps overshoot and
        // GDPolyak's best distance is only 10× (η = 0.3) or not at all (η = 0.1) below Polyak's. η = 1 or K = 200
        // change little. GDPolyak's distance stalls near 3e-6 from about epoch 35 on: there ‖∇f‖ ≈ dist³ is as small
        // as the rounding error ε·L of any gradient evaluated at a floating-point X.
        new("matrix-factorization", 0.5, 100, 50),
        new("single-neuron", 1.5, 100, 25),
    ];

    /// <summary>The problems <c>reproduce</c> runs by default.</summary>
    public static IReadOnlyList<string> Problems { get; } = All.Select(e => e.Problem).ToArray();

    /// <summary>The methods the paper compares, in its order.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["gdpolyak", "gd", "polyak"];

    /// <summary>
    /// The iteration budget of <paramref name="method"/> when none is given: its own (GDPolyak's epochs·(K + 1)), else the
    /// published experiment's K·epochs, else the library's default.
    /// </summary>
    public static long IterationBudget(Optimization.IMethod method, PublishedExperiment? published)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.PlannedSteps ?? published?.BaselineSteps ?? Optimization.MinimizeOptions.DefaultMaxIterations;
    }

    /// <summary>
    /// The published experiment whose K·epochs budget a single run of <paramref name="method"/> takes: that of the methods
    /// the paper ran; another method on a published problem (null here) stops by its own budget or the default stops, as
    /// on any other problem. <c>reproduce</c>, which compares methods as the paper does, gives every method K·epochs.
    /// </summary>
    public static PublishedExperiment? BudgetFor(string method, PublishedExperiment? published) =>
        Methods.Contains(method) ? published : null;

    /// <summary>The published experiment on the named problem, or null when the paper did not run it.</summary>
    public static PublishedExperiment? For(string problem) =>
        All.FirstOrDefault(e => string.Equals(e.Problem, problem, StringComparison.OrdinalIgnoreCase));
}
