using Ravine.Cli.Paper;
using BenchmarkDotNet.Attributes;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Benchmarks;

/// <summary>
/// One oracle call (f and ∇f at the seeded start) and one GDPolyak epoch at each published problem's settings (K short steps and one long step, K + 1 oracle calls),
/// stepping the method directly: the allocation column is the hot loop's per-iteration allocation and must be 0 B.
/// The traced variant runs the same epoch through <see cref="Minimizer.Minimize"/> with the trace and the distance on,
/// as <c>reproduce</c> does: its extra time over the untraced one is the cost of recording, and its allocation is the
/// trace's columns, allocated once.
/// </summary>
[MemoryDiagnoser]
public class PublishedEpochBenchmarks
{
    private ITestProblem _problem = null!;
    private GdPolyak _method = null!;
    private double[] _start = null!;
    private Iterate _iterate = null!;
    private Oracle _oracle = null!;
    private IMethodState _state = null!;
    private double[] _gradient = null!;
    private int _steps;

    /// <summary>The problem, by its suite name.</summary>
    [ParamsSource(nameof(Problems))]
    public string Problem { get; set; } = "";

    /// <summary>Every published problem.</summary>
    public static IEnumerable<string> Problems => PublishedExperiments.Problems;

    [GlobalSetup]
    public void Setup()
    {
        _problem = ProblemRegistry.Generate(Problem);
        var published = PublishedExperiments.For(Problem)!;
        _steps = published.ShortSteps + 1;
        _method = new GdPolyak(published.Stepsize, published.ShortSteps, int.MaxValue / _steps, _problem.OptimalValue);
        _oracle = new Oracle(_problem);
        _iterate = new Iterate(_problem.Dimension);
        _start = _problem.Start;
        _gradient = new double[_problem.Dimension];
        _start.CopyTo(_iterate.X);
        _oracle.Evaluate(_iterate);
        _state = _method.Start(_iterate, _oracle);
    }

    [Benchmark(Description = "one oracle call")]
    public double OracleCall() => _problem.Evaluate(_start, _gradient);

    [Benchmark(Description = "one GDPolyak epoch, stepping the method")]
    public double OneEpoch()
    {
        // Restart from the same point each time so the numbers do not drift over many epochs.
        _start.CopyTo(_iterate.X);
        _oracle.Evaluate(_iterate);
        for (int i = 0; i < _steps; i++) _state.Step(_iterate, _oracle);
        return _iterate.Value;
    }

    [Benchmark(Description = "one GDPolyak epoch via Minimize, trace and distance on")]
    public double OneTracedEpoch()
    {
        var published = PublishedExperiments.For(Problem)!;
        var method = new GdPolyak(published.Stepsize, published.ShortSteps, 1, _problem.OptimalValue);
        return Minimizer.Minimize(_problem, _start, method).Value;
    }
}
