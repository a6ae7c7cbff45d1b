using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Ravine.Networks;

namespace Ravine.Benchmarks;

/// <summary>
/// One training step (forward and backward, the gradient of the mean loss) of each network at batch 128 on the real
/// Fashion-MNIST, on 1 and 2 threads, with the GFLOP/s of its matrix products and convolutions (the FLOPs the tape
/// counts, <c>StepFlopsPerExample</c> × 128). Compare with <see cref="FmaPeakBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(GflopsConfig))]
public class NetworkTrainingStepBenchmarks
{
    public const int Batch = 128;

    private NetworkModel _model = null!;
    private double[] _x = null!, _gradient = null!;
    private int[] _batch = null!;

    [Params("mlp", "cnn", "autoencoder")]
    public string Model { get; set; } = "mlp";

    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _model = NetworkModels.Create(Model, FashionMnistSplit.Load(), Threads);
        _x = new double[_model.Dimension];
        _model.InitialPoint(1, _x);
        _gradient = new double[_x.Length];
        _batch = [.. Enumerable.Range(0, Batch).Select(i => i * 397 % _model.ExampleCount)];
    }

    [Benchmark(Description = "one training step, batch 128")]
    public double Step() => _model.Evaluate(_x, _batch, _gradient);

    /// <summary>FLOPs per step over the mean time.</summary>
    private sealed class GflopsColumn : IColumn
    {
        public string Id => nameof(GflopsColumn);
        public string ColumnName => "GFLOP/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Statistics;
        public int PriorityInCategory => 10;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "FLOPs of the step's matrix products and convolutions per nanosecond of the mean";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            long perExample = benchmarkCase.Parameters["Model"] switch
            {
                "mlp" => MultilayerPerceptron.StepFlopsPerExample,
                "cnn" => ConvolutionalNetwork.StepFlopsPerExample,
                _ => Autoencoder.StepFlopsPerExample,
            };
            return mean is double ns ? (perExample * Batch / ns).ToString("0.00") : "-";
        }
    }

    private sealed class GflopsConfig : ManualConfig
    {
        public GflopsConfig() => AddColumn(new GflopsColumn());
    }
}
