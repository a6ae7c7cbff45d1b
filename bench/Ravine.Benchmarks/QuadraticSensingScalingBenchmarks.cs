using BenchmarkDotNet.Attributes;
using Ravine.Problems;

namespace Ravine.Benchmarks;

/// <summary>
/// How the quadratic-sensing oracle's cost grows with m, d and k: it does 8·m·d·k flops and streams the 16·m·d bytes
/// of A and B once per call, so the time should be linear in m·d·k while A and B fit in cache, and bound by memory
/// bandwidth (≈ 16·m·d bytes per call) beyond. <see cref="Threads"/> = 2 shows the deterministic two-core path (it
/// only splits work when m exceeds <see cref="QuadraticSensing.RowBlock"/>). The largest cases hold 2×640 MB of data:
/// run them with a narrow filter, e.g. <c>--filter '*Scaling*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class QuadraticSensingScalingBenchmarks
{
    private QuadraticSensing _problem = null!;
    private double[] _point = null!;
    private double[] _gradient = null!;

    /// <summary>m, the number of measurements.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int M { get; set; }

    /// <summary>d, the ambient dimension.</summary>
    [Params(100, 400)]
    public int D { get; set; }

    /// <summary>k, the factor width.</summary>
    [Params(4, 16)]
    public int K { get; set; }

    /// <summary>Threads of one oracle call.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _problem = QuadraticSensing.Generate(ProblemRegistry.DefaultSeed, dimension: D, rank: 2, width: K, measurements: M);
        _problem.MaxDegreeOfParallelism = Threads;
        _point = _problem.Start;
        _gradient = new double[_point.Length];
    }

    [Benchmark(Description = "quadratic-sensing oracle")]
    public double Oracle() => _problem.Evaluate(_point, _gradient);
}
