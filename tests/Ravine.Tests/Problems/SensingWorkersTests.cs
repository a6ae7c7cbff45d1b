using Ravine.Instances;
using Ravine.IO;
using Ravine.Problems;
using Ravine.Randomness;
using Ravine.Tests.IO;
using Ravine.Tests.Optimization;

namespace Ravine.Tests.Problems;

/// <summary>The helper threads that share out a sensing call's row blocks: the same bits, failures that reach the caller.</summary>
public class SensingWorkersTests
{
    // Eleven blocks: waves of eight at two threads, and a short last wave.
    private static QuadraticSensing Instance(ulong seed) =>
        QuadraticSensing.Generate(seed, dimension: 6, rank: 2, width: 3, measurements: 10 * QuadraticSensing.RowBlock + 77);

    private static (double F, double[] Gradient) Evaluate(QuadraticSensing problem, double[] x, int threads)
    {
        problem.MaxDegreeOfParallelism = threads;
        var gradient = new double[problem.Dimension];
        return (problem.Evaluate(x, gradient), gradient);
    }

    [Fact]
    public void Oracles_that_evaluate_at_the_same_time_each_get_their_one_thread_bits()
    {
        // Four oracles at once on two threads each: one has the helpers, the others evaluate alone, by turns.
        var problems = Enumerable.Range(0, 4).Select(i => Instance(60 + (ulong)i)).ToArray();
        var x = new Xoshiro256StarStar(7).NextGaussians(problems[0].Dimension);
        var expected = problems.Select(p => Evaluate(p, x, 1)).ToArray();
        Parallel.For(0, problems.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            for (int repeat = 0; repeat < 5; repeat++)
            {
                var (f, g) = Evaluate(problems[i], x, 2);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i].F), BitConverter.DoubleToInt64Bits(f));
                Assert.Equal(expected[i].Gradient, g);
            }
        });
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void A_block_that_fails_on_any_thread_fails_the_call_with_its_message(int threads)
    {
        using var folder = new ScratchFolder();
        var family = new BlockSeededSensing(31, 7, 2, 4);
        SeededSensingFiles.Write(family, folder.Root, 6 * QuadraticSensing.RowBlock);
        var a = Npy.Read(folder.File("A.npy"));
        var data = a.Data;
        data[(4 * QuadraticSensing.RowBlock + 10) * 7 + 3] = double.NaN; // in the fifth block
        File.Delete(folder.File("A.npy"));
        new InstanceFolder(folder.Root).Write("A.npy", data, a.Shape[0], a.Shape[1]);
        var streamed = QuadraticSensingInstance.Load(new InstanceFolder(folder.Root), 3407, streamingBytes: 0);
        streamed.MaxDegreeOfParallelism = threads;
        var e = Assert.Throws<InstanceDataException>(() => streamed.Evaluate(streamed.Start, new double[streamed.Dimension]));
        Assert.Contains($"entry ({4 * QuadraticSensing.RowBlock + 10}, 3) is NaN", e.Message);
        // The helpers are free again: the next call on two threads finishes (with the same error).
        Assert.Throws<InstanceDataException>(() => streamed.Evaluate(streamed.Start, new double[streamed.Dimension]));
    }
}

/// <summary>Run alone (see <see cref="AllocationMeasurementCollection"/>): the bytes counted are every thread's.</summary>
[Collection(AllocationMeasurementCollection.Name)]
public class SensingWorkersAllocationTests
{
    [Fact]
    public void A_call_on_two_threads_allocates_nothing_on_any_thread()
    {
        var problem = QuadraticSensing.Generate(5, dimension: 6, rank: 2, width: 3, measurements: 20 * QuadraticSensing.RowBlock);
        problem.MaxDegreeOfParallelism = 2;
        double[] x = problem.Start, gradient = new double[problem.Dimension];
        for (int i = 0; i < 3; i++) problem.Evaluate(x, gradient);
        // The count is every thread's, and threads other tests left behind (a shared test cluster's timers) allocate
        // now and then: the least of a few trials is the calls' own. A Parallel.For per wave of eight blocks allocated
        // 3–23 kB a call, in every trial; what the runtime allocates for its own reasons is far below a kilobyte.
        long allocated = long.MaxValue;
        for (int trial = 0; trial < 5 && allocated >= 1024; trial++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            for (int i = 0; i < 20; i++) problem.Evaluate(x, gradient);
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        Assert.True(allocated < 1024, $"{allocated} bytes over 20 calls, the least of five trials");
    }
}
