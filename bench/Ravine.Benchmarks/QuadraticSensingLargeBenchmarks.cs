using BenchmarkDotNet.Attributes;
using Ravine.IO;
using Ravine.Problems;

namespace Ravine.Benchmarks;

/// <summary>
/// The sensing oracle at a large size — d = 1,000, k = 8 (8·m·d·k = 64 kFLOP a measurement: 6.4 GFLOP
/// at m = 10⁵) — in memory, block-seeded (<see cref="BlockSeededSensing"/>), per thread count and per kernel path
/// (Vector256 or Vector512; the two give bit-identical results). A and B take 16·m·d bytes: 16 MB at m = 10³, 1.6 GB
/// at m = 10⁵ (generating them takes a while). Run with a narrow filter, e.g.
/// <c>--filter '*QuadraticSensingLarge*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class QuadraticSensingLargeBenchmarks
{
    private QuadraticSensing _problem = null!;
    private double[] _point = null!;
    private double[] _gradient = null!;

    /// <summary>m, the number of measurements.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int M { get; set; }

    /// <summary>Threads of one oracle call.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>The kernel path: Vector256 or Vector512 (software-emulated where the processor lacks AVX-512).</summary>
    [Params("Vector256", "Vector512")]
    public string Path { get; set; } = "Vector256";

    [GlobalSetup]
    public void Setup()
    {
        _problem = new BlockSeededSensing(ProblemRegistry.DefaultSeed, 1000, 2, 8).Instance(M, threads: Environment.ProcessorCount);
        _problem.MaxDegreeOfParallelism = Threads;
        _problem.KernelPath = Enum.Parse<SensingKernelPath>(Path);
        _point = _problem.Start;
        _gradient = new double[_point.Length];
    }

    [Benchmark(Description = "quadratic-sensing oracle, d = 1000, k = 8")]
    public double Oracle() => _problem.Evaluate(_point, _gradient);
}

/// <summary>
/// The sensing oracle streamed from .npy files (<see cref="NpySensingRows"/>): the folder in the environment variable
/// <c>RAVINE_LARGE_DATA</c> (default <c>ravine-large/m1000000</c> in the system temp folder), written first with
/// <c>ravine generate quadratic-sensing --dimension 1000 --width 8 --rank 2 --measurements 1000000 --out DIR</c>
/// (two 8 GB files; at m = 10⁶ one call is 64 GFLOP and reads 16 GB). Run with
/// <c>--filter '*QuadraticSensingFile*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class QuadraticSensingFileBenchmarks
{
    private NpySensingRows _rows = null!;
    private QuadraticSensing _problem = null!;
    private double[] _point = null!;
    private double[] _gradient = null!;

    /// <summary>Threads of one oracle call.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>The kernel path: Vector256 or Vector512.</summary>
    [Params("Vector256", "Vector512")]
    public string Path { get; set; } = "Vector256";

    [GlobalSetup]
    public void Setup()
    {
        string folder = Environment.GetEnvironmentVariable("RAVINE_LARGE_DATA") ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ravine-large", "m1000000");
        // Streamed whatever its size: the rows from the files, the start from x0.npy (which sets k).
        _rows = NpySensingRows.Open(folder);
        var start = Npy.Read(System.IO.Path.Combine(folder, "x0.npy"));
        _problem = new QuadraticSensing(_rows, start.Columns, truthWidth: 0, truth: null, start.Data, noise: 0, heldOut: null);
        _problem.MaxDegreeOfParallelism = Threads;
        _problem.KernelPath = Enum.Parse<SensingKernelPath>(Path);
        _point = _problem.Start;
        _gradient = new double[_point.Length];
    }

    [GlobalCleanup]
    public void Cleanup() => _rows.Dispose();

    [Benchmark(Description = "quadratic-sensing oracle streamed from .npy files, d = 1000, k = 8")]
    public double Oracle() => _problem.Evaluate(_point, _gradient);
}
