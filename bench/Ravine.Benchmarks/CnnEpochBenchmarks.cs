using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Ravine.Networks;
using Ravine.Randomness;

namespace Ravine.Benchmarks;

/// <summary>
/// One epoch of the <c>cnn</c> over all 60,000 Fashion-MNIST training images (no validation split), batches of 128 in
/// a seeded order, each a training step and a plain SGD update, on 2 threads: 469 steps, 113 GFLOP of products.
/// Long, so it is measured as it runs (no warm-up, two epochs).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
public class CnnEpochBenchmarks
{
    private const int Batch = 128;
    private NetworkModel _model = null!;
    private double[] _x = null!, _gradient = null!;
    private int[] _order = null!;

    [Params(2)]
    public int Threads { get; set; } = 2;

    [GlobalSetup]
    public void Setup()
    {
        _model = new ConvolutionalNetwork(FashionMnistSplit.Load(validationExamples: 0), Threads);
        _x = new double[_model.Dimension];
        _model.InitialPoint(1, _x);
        _gradient = new double[_x.Length];
        _order = [.. Enumerable.Range(0, _model.ExampleCount)];
        var random = new Xoshiro256StarStar(1);
        for (int i = _order.Length - 1; i > 0; i--)
        {
            int j = (int)(random.NextUInt64() % (ulong)(i + 1));
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
    }

    [Benchmark(Description = "cnn epoch, 60,000 images, batch 128")]
    public double Epoch()
    {
        double last = 0;
        for (int first = 0; first < _order.Length; first += Batch)
        {
            ReadOnlySpan<int> batch = _order.AsSpan(first, Math.Min(Batch, _order.Length - first));
            last = _model.Evaluate(_x, batch, _gradient);
            TensorPrimitives.MultiplyAdd(_gradient, -0.01, _x, _x);
        }
        return last;
    }
}
