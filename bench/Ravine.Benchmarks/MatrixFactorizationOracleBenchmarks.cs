using BenchmarkDotNet.Attributes;
using Ravine.Problems;

namespace Ravine.Benchmarks;

/// <summary>
/// One oracle call (f and ∇f) of matrix factorization at the published size d = 100, r = 2, k = 4: O(d·k·(k + r))
/// work without forming d×d matrices. The allocation column must be 0 B.
/// </summary>
[MemoryDiagnoser]
public class MatrixFactorizationOracleBenchmarks
{
    private readonly MatrixFactorization _problem = MatrixFactorization.Generate(ProblemRegistry.DefaultSeed);
    private readonly double[] _gradient = new double[MatrixFactorization.PublishedDimension * MatrixFactorization.PublishedWidth];
    private double[] _start = null!;

    [GlobalSetup]
    public void Setup() => _start = _problem.Start;

    [Benchmark(Description = "matrix-factorization oracle, d = 100, r = 2, k = 4")]
    public double Oracle() => _problem.Evaluate(_start, _gradient);
}

/// <summary>
/// Matrix factorization at d = 1,000 (the large size of the sensing benchmarks): the oracle is O(d·k·(k + r)) with k×k scratch, so it
/// should stay in the tens to hundreds of microseconds, far below a sensing call; no threads needed.
/// </summary>
[MemoryDiagnoser]
public class MatrixFactorizationLargeBenchmarks
{
    private MatrixFactorization _problem = null!;
    private double[] _gradient = null!;
    private double[] _start = null!;

    /// <summary>k, the factor width.</summary>
    [Params(4, 8, 16)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _problem = MatrixFactorization.Generate(ProblemRegistry.DefaultSeed, dimension: 1000, rank: 2, width: K);
        _start = _problem.Start;
        _gradient = new double[_start.Length];
    }

    [Benchmark(Description = "matrix-factorization oracle, d = 1000, r = 2")]
    public double Oracle() => _problem.Evaluate(_start, _gradient);
}
