using BenchmarkDotNet.Attributes;
using Ravine.Problems;

namespace Ravine.Benchmarks;

/// <summary>
/// One oracle call (f and ∇f) of quadratic sensing at the published size d = 100, k = 4, m = 1,000 (3.2 MFLOP, one
/// pass over A and B), and one distance evaluation (the Procrustes SVD, called once per traced iteration). The oracle's
/// allocation column must be 0 B, and so must the distance's (a k×k Jacobi SVD on the stack).
/// </summary>
[MemoryDiagnoser]
public class QuadraticSensingOracleBenchmarks
{
    private readonly QuadraticSensing _problem = QuadraticSensing.Generate(ProblemRegistry.DefaultSeed);
    private readonly double[] _gradient = new double[QuadraticSensing.PublishedDimension * QuadraticSensing.PublishedWidth];
    private double[] _start = null!;

    [GlobalSetup]
    public void Setup() => _start = _problem.Start;

    [Benchmark(Description = "quadratic-sensing oracle, d = 100, k = 4, m = 1000")]
    public double Oracle() => _problem.Evaluate(_start, _gradient);

    [Benchmark(Description = "quadratic-sensing Procrustes distance, d = 100, k = 4")]
    public double Distance() => _problem.DistanceToSolutions(_start);
}
