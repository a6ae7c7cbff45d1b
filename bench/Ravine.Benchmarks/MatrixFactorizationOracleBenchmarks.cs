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
