using BenchmarkDotNet.Attributes;
using Ravine.Problems;

namespace Ravine.Benchmarks;

/// <summary>
/// One oracle call (f and ∇f) of the single-neuron problem at the published size d = 100 (x ∈ R²⁰⁰): three angles
/// with error-free products, the residual with an error-free sum, and the gradient. The allocation column must be 0 B.
/// Measured both at the seeded start and next to the solution set, where the series branch of s(θ) is taken.
/// </summary>
[MemoryDiagnoser]
public class SingleNeuronOracleBenchmarks
{
    private readonly SingleNeuron _problem = SingleNeuron.Generate(ProblemRegistry.DefaultSeed);
    private readonly double[] _gradient = new double[2 * SingleNeuron.PublishedInputDimension];
    private double[] _start = null!;
    private double[] _nearSolution = null!;

    [GlobalSetup]
    public void Setup()
    {
        _start = _problem.Start;
        _nearSolution = _problem.SolutionPoint(0.3);
        for (int i = 0; i < _nearSolution.Length; i++) _nearSolution[i] += 1e-6 * _start[i];
    }

    [Benchmark(Description = "single-neuron oracle, d = 100, at the start")]
    public double AtStart() => _problem.Evaluate(_start, _gradient);

    [Benchmark(Description = "single-neuron oracle, d = 100, near the solution set")]
    public double NearSolution() => _problem.Evaluate(_nearSolution, _gradient);
}
