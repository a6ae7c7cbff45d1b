using BenchmarkDotNet.Attributes;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Benchmarks;

/// <summary>
/// One GDPolyak epoch (K = 100 short steps and one long step) on the quartic Rosenbrock function. The method state is
/// stepped directly, so the allocation column is the per-iteration allocation of the hot loop: it must be 0 B.
/// The whole-run benchmarks show the fixed cost of a call to <see cref="Minimizer.Minimize"/>: one epoch and ten
/// epochs allocate the same (the trace is off), so nothing is allocated per iteration there either.
/// </summary>
[MemoryDiagnoser]
public class GdPolyakEpochBenchmarks
{
    private readonly QuarticRosenbrock _problem = new();
    private readonly GdPolyak _method = new(0.0125, 100, int.MaxValue / 101, 0);
    private double[] _start = null!;
    private Iterate _iterate = null!;
    private Oracle _oracle = null!;
    private IMethodState _state = null!;

    [GlobalSetup]
    public void Setup()
    {
        _oracle = new Oracle(_problem);
        _iterate = new Iterate(2);
        _start = _problem.Start;
        _start.CopyTo(_iterate.X);
        _oracle.Evaluate(_iterate);
        _state = _method.Start(_iterate, _oracle);
    }

    [Benchmark(Description = "one epoch, stepping the method (101 oracle calls)")]
    public double OneEpochSteps()
    {
        // Restart from the same point each time so the numbers do not drift to denormals over millions of epochs.
        _start.CopyTo(_iterate.X);
        _oracle.Evaluate(_iterate);
        for (int i = 0; i < 101; i++) _state.Step(_iterate, _oracle);
        return _iterate.Value;
    }

    [Benchmark(Description = "Minimize, 1 epoch, no trace")]
    public double MinimizeOneEpoch() =>
        Minimizer.Minimize(_problem, _start, new GdPolyak(0.0125, 100, 1, 0), new MinimizeOptions { RecordTrace = false }).Value;

    [Benchmark(Description = "Minimize, 10 epochs, no trace")]
    public double MinimizeTenEpochs() =>
        Minimizer.Minimize(_problem, _start, new GdPolyak(0.0125, 100, 10, 0), new MinimizeOptions { RecordTrace = false }).Value;
}
