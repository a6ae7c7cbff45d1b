using Ravine.Problems;
using Ravine.Randomness;

namespace Ravine.Cli.Compare;

/// <summary>
/// The instance and start of seed number i of a problem. A problem whose generator draws its start from the seed (the
/// paper's problems) takes instance and start from <c>Generate(seed)</c>. A problem with one standard start (the
/// external test set ignores the seed) would give the same run for every seed; there the first seed keeps the standard
/// start x₀ and every other seed starts at x₀ + σu, u ~ N(0, I) from the seed, σ = 0.1·(1 + ‖x₀‖)/√n, so that the
/// perturbation has norm about 0.1·(1 + ‖x₀‖): a different start in the same region.
/// </summary>
internal static class SeededStart
{
    /// <summary>The relative size of the perturbation of a standard start.</summary>
    public const double RelativePerturbation = 0.1;

    /// <summary>True when the problem's start depends on the seed (judged from two neighbouring seeds).</summary>
    public static bool SeedChangesStart(ProblemDescriptor problem, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return !problem.Generate(seed).Start.AsSpan().SequenceEqual(problem.Generate(unchecked(seed + 1)).Start);
    }

    /// <summary>
    /// The rule every multi-seed command follows, per seed index (0: the first seed listed, <paramref name="firstSeed"/>):
    /// true when that seed's start is perturbed, i.e. the problem has a standard start and the index is not 0.
    /// </summary>
    public static Func<int, bool> PerturbedStarts(ProblemDescriptor problem, ulong firstSeed)
    {
        bool standardStart = !SeedChangesStart(problem, firstSeed);
        return index => standardStart && index > 0;
    }

    /// <summary>The instance of <paramref name="seed"/> and its start; <paramref name="perturb"/> moves a standard start as described above.</summary>
    public static (ITestProblem Problem, double[] Start) Create(ProblemDescriptor problem, ulong seed, bool perturb)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var instance = problem.Generate(seed);
        double[] start = instance.Start;
        if (perturb) Perturb(start, seed);
        return (instance, start);
    }

    /// <summary>x ← x + σu as described above (deterministic: the generator's Gaussians and IEEE square roots only).</summary>
    public static void Perturb(double[] x, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(x);
        double norm = Math.Sqrt(x.Sum(v => v * v));
        double sigma = RelativePerturbation * (1 + norm) / Math.Sqrt(x.Length);
        var random = new Xoshiro256StarStar(seed);
        for (int i = 0; i < x.Length; i++) x[i] += sigma * random.NextGaussian();
    }
}
