using BenchmarkDotNet.Attributes;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Benchmarks;

/// <summary>
/// The fixed cost of a call to <see cref="Minimizer.Minimize"/> on the quartic Rosenbrock function with the published
/// GDPolyak settings (η = 0.0125, K = 100) and the trace off: one epoch and ten epochs allocate the same, so nothing is
/// allocated per iteration there. The epoch stepped directly, whose allocation column is the hot loop's and must be
/// 0 B, is <see cref="PublishedEpochBenchmarks.OneEpoch"/> with <c>Problem = quartic-rosenbrock</c> (the same settings
/// and 101 oracle calls, from the seeded start rather than this class's fixed (1.2, −0.7)).
/// </summary>
[MemoryDiagnoser]
public class GdPolyakEpochBenchmarks
{
    private readonly QuarticRosenbrock _problem = new();
    private double[] _start = null!;

    [GlobalSetup]
    public void Setup() => _start = _problem.Start;

    [Benchmark(Description = "Minimize, 1 epoch, no trace")]
    public double MinimizeOneEpoch() =>
        Minimizer.Minimize(_problem, _start, new GdPolyak(0.0125, 100, 1, 0), new MinimizeOptions { RecordTrace = false }).Value;

    [Benchmark(Description = "Minimize, 10 epochs, no trace")]
    public double MinimizeTenEpochs() =>
        Minimizer.Minimize(_problem, _start, new GdPolyak(0.0125, 100, 10, 0), new MinimizeOptions { RecordTrace = false }).Value;
}
