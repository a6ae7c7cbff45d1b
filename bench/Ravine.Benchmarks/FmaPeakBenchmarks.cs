using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace Ravine.Benchmarks;

/// <summary>
/// The machine's double-precision FMA peak on one core: ten independent Vector256 FMA chains (enough to cover the FMA
/// latency on two pipes), 2²⁰ rounds, 80 FLOPs per round; GFLOP/s = 83,886,080 / the mean in ns.
/// </summary>
public class FmaPeakBenchmarks
{
    public const int Rounds = 1 << 20;

    [Benchmark(Description = "10 Vector256 FMA chains × 2^20 rounds (83.9 MFLOP)")]
    public double Chains()
    {
        var x = Vector256.Create(1.0000001);
        var y = Vector256.Create(0.9999999);
        Vector256<double> a0 = x, a1 = y, a2 = x, a3 = y, a4 = x, a5 = y, a6 = x, a7 = y, a8 = x, a9 = y;
        for (int i = 0; i < Rounds; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, x, y);
            a1 = Vector256.FusedMultiplyAdd(a1, x, y);
            a2 = Vector256.FusedMultiplyAdd(a2, x, y);
            a3 = Vector256.FusedMultiplyAdd(a3, x, y);
            a4 = Vector256.FusedMultiplyAdd(a4, x, y);
            a5 = Vector256.FusedMultiplyAdd(a5, x, y);
            a6 = Vector256.FusedMultiplyAdd(a6, x, y);
            a7 = Vector256.FusedMultiplyAdd(a7, x, y);
            a8 = Vector256.FusedMultiplyAdd(a8, x, y);
            a9 = Vector256.FusedMultiplyAdd(a9, x, y);
        }
        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9);
    }
}
