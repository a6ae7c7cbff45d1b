using Ravine.Instances;
using Ravine.IO;
using Ravine.Problems;
using Ravine.Randomness;
using Ravine.Tests.IO;
using static Ravine.Tests.Problems.ProblemTestMath;

namespace Ravine.Tests.Problems;

/// <summary>
/// The row sources behind quadratic sensing: in memory, streamed from .npy files, generated block by block from a seed;
/// the same rows give the same bits through every source and every thread count.
/// </summary>
public class SensingRowsTests
{
    // m = 5,000 rows: four whole blocks of 1,024 and a short one; d = 30.
    private const int M = 5000, D = 30;

    private static void AssertBitIdentical(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]), $"{what}[{i}]: {expected[i]:R} vs {actual[i]:R}");
    }

    private static (double F, double[] Gradient) Evaluate(QuadraticSensing problem, double[] x, int threads)
    {
        problem.MaxDegreeOfParallelism = threads;
        var g = new double[x.Length];
        return (problem.Evaluate(x, g), g);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(4)]
    [InlineData(3)]
    public void One_and_two_threads_are_bit_identical_at_five_blocks(int width)
    {
        var problem = new BlockSeededSensing(7, D, 2, width).Instance(M);
        var x = new Xoshiro256StarStar(8).NextGaussians(problem.Dimension);
        var (f1, g1) = Evaluate(problem, x, 1);
        var (f2, g2) = Evaluate(problem, x, 2);
        AssertBitIdentical([f1], [f2], "f");
        AssertBitIdentical(g1, g2, "∇f");
    }

    [Fact]
    public void A_streamed_instance_equals_the_same_instance_in_memory_bit_for_bit()
    {
        using var folder = new ScratchFolder();
        var family = new BlockSeededSensing(11, D, 2, 8);
        SeededSensingFiles.Write(family, folder.Root, M, heldOut: 300, threads: 2);
        var inMemory = family.Instance(M, heldOut: 300);
        var streamed = QuadraticSensingInstance.Load(new InstanceFolder(folder.Root), 3407, streamingBytes: 0);
        Assert.IsType<NpySensingRows>(streamed.Rows);
        Assert.IsType<NpySensingRows>(streamed.HeldOut!.Rows);
        Assert.Equal(inMemory.Start, streamed.Start);
        Assert.Equal(inMemory.Truth, streamed.Truth);
        var x = new Xoshiro256StarStar(12).NextGaussians(inMemory.Dimension);
        foreach (int threads in new[] { 1, 2 })
        {
            var (f, g) = Evaluate(inMemory, x, 1);
            var (fs, gs) = Evaluate(streamed, x, threads);
            AssertBitIdentical([f], [fs], $"f, {threads} threads");
            AssertBitIdentical(g, gs, $"∇f, {threads} threads");
        }
        var (fh, gh) = Evaluate(inMemory.HeldOut!, x, 1);
        var (fhs, ghs) = Evaluate(streamed.HeldOut!, x, 2);
        AssertBitIdentical([fh], [fhs], "held-out f");
        AssertBitIdentical(gh, ghs, "held-out ∇f");
    }

    [Fact]
    public void The_files_do_not_depend_on_the_generating_thread_count_and_load_back_in_memory()
    {
        using var one = new ScratchFolder();
        using var two = new ScratchFolder();
        var family = new BlockSeededSensing(13, 9, 2, 4, noise: 0.01);
        SeededSensingFiles.Write(family, one.Root, 2500, threads: 1);
        SeededSensingFiles.Write(family, two.Root, 2500, threads: 2);
        foreach (var name in Directory.GetFiles(one.Root).Select(Path.GetFileName))
            Assert.Equal(File.ReadAllBytes(one.File(name!)), File.ReadAllBytes(two.File(name!)));
        var loaded = (QuadraticSensing)InstanceFormats.Load("quadratic-sensing", one.Root);
        Assert.IsType<InMemorySensingRows>(loaded.Rows);
        var expected = family.Instance(2500);
        Assert.Equal(expected.A, loaded.A);
        Assert.Equal(expected.Y, loaded.Y);
        Assert.Equal(0.01, loaded.Noise);
    }

    [Theory]
    [InlineData(0, 5000)]
    [InlineData(1000, 2100)]   // starts inside the first block, crosses into the third
    [InlineData(4097, 4098)]   // one row in the middle of a block
    [InlineData(3072, 5000)]   // block-aligned to the end
    public void Generated_rows_of_a_range_are_the_same_rows_of_the_whole(int first, int end)
    {
        var family = new BlockSeededSensing(17, 12, 2, 4);
        var whole = family.Rows(0, M).ToMemory(2);
        var range = family.Rows(first, end).ToMemory(1);
        int d = family.Dimension;
        AssertBitIdentical(whole.A.AsSpan(first * d, (end - first) * d), range.A, "A");
        AssertBitIdentical(whole.B.AsSpan(first * d, (end - first) * d), range.B, "B");
        AssertBitIdentical(whole.Y.AsSpan(first, end - first), range.Y, "y");
    }

    [Fact]
    public void The_block_seeded_stream_is_pinned()
    {
        // The family's definition, bit for bit: a change to the seeding or the draw order changes these hashes.
        var family = new BlockSeededSensing(3407, 10, 2, 4);
        var rows = family.Rows(1020, 1030).ToMemory();
        Assert.Equal("087E363C82C2752CC0354AEF0023F28D1B8BF2CB18375D40967D1BF3E19D85C5", Sha256Hex(rows.A));
        Assert.Equal("622E3C4A02EC997667E1C43566181F9779A5C53AC6C5277FA897CF9FF04D3DAE", Sha256Hex(rows.Y));
        Assert.Equal("A1C421B1060F4CD82755B65F9B1EF337CA0BC71941425CFA35FE30739AB73238", Sha256Hex(family.Start));
    }

    [Fact]
    public void The_truth_of_a_block_seeded_instance_has_round_off_loss()
    {
        var problem = new BlockSeededSensing(19, D, 2, 8).Instance(2000);
        var g = new double[problem.Dimension];
        Assert.InRange(problem.Evaluate(problem.Truth!, g), 0, 1e-26);
        Assert.Equal(0, problem.OptimalValue);
    }

    [Fact]
    public void A_row_range_of_files_gives_the_partial_sums_of_those_rows()
    {
        using var folder = new ScratchFolder();
        var family = new BlockSeededSensing(23, 16, 2, 8);
        SeededSensingFiles.Write(family, folder.Root, 3000);
        var range = NpySensingRows.Open(folder.Root, 1024, 2600);
        var same = family.Rows(1024, 2600).ToMemory();
        Assert.Equal(1576, range.Count);
        var x = new Xoshiro256StarStar(24).NextGaussians(16 * 8);
        var g = new double[x.Length];
        var gs = new double[x.Length];
        double s = SensingPartial.Accumulate(same, 8, x, g);
        double ss = SensingPartial.Accumulate(range, 8, x, gs, threads: 2);
        AssertBitIdentical([s], [ss], "Σ r²");
        AssertBitIdentical(g, gs, "unscaled ∇");
        Assert.Throws<InstanceDataException>(() => NpySensingRows.Open(folder.Root, 2000, 3001));
    }

    [Fact]
    public void A_streamed_oracle_call_on_one_thread_allocates_nothing_once_warm()
    {
        using var folder = new ScratchFolder();
        SeededSensingFiles.Write(new BlockSeededSensing(29, 20, 2, 8), folder.Root, 3000);
        var streamed = QuadraticSensingInstance.Load(new InstanceFolder(folder.Root), 3407, streamingBytes: 0);
        Assert.Equal(0, AllocatedBytesOfEvaluations(streamed, streamed.Start, 5));
    }

    [Fact]
    public void A_truncated_matrix_is_refused_when_opened()
    {
        using var folder = Written(out _);
        var path = folder.File("A.npy");
        using (var stream = new FileStream(path, FileMode.Open)) stream.SetLength(stream.Length - 8);
        var e = Assert.Throws<NpyFormatException>(() => NpySensingRows.Open(folder.Root));
        Assert.Contains("truncated data", e.Message);
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void A_matrix_that_is_not_little_endian_float64_is_refused_with_the_conversion_to_do()
    {
        using var folder = Written(out _);
        var b = Npy.Read(folder.File("B.npy"));
        File.WriteAllBytes(folder.File("B.npy"), NpyFloat32(b.Data, b.Shape));
        var e = Assert.Throws<NpyFormatException>(() => NpySensingRows.Open(folder.Root));
        Assert.Contains("dtype <f4", e.Message);
        Assert.Contains("'<f8'", e.Message);
    }

    [Fact]
    public void Matrices_of_different_shapes_are_refused()
    {
        using var folder = Written(out _);
        new InstanceFolder(folder.Root).Write("B.npy", new double[10 * 7], 10, 7);
        var e = Assert.Throws<InstanceDataException>(() => NpySensingRows.Open(folder.Root));
        Assert.Contains("shape (10, 7), expected (1100, 7)", e.Message);
    }

    [Fact]
    public void Measurements_of_the_wrong_length_are_refused()
    {
        using var folder = Written(out _);
        new InstanceFolder(folder.Root).Write("y.npy", new double[5], 5);
        var e = Assert.Throws<InstanceDataException>(() => NpySensingRows.Open(folder.Root));
        Assert.Contains("y.npy", e.File);
    }

    [Fact]
    public void A_non_finite_entry_in_a_streamed_matrix_is_named_when_the_oracle_meets_it()
    {
        using var folder = Written(out _);
        var a = Npy.Read(folder.File("A.npy"));
        var data = a.Data;
        data[1030 * 7 + 3] = double.NaN;
        File.Delete(folder.File("A.npy"));
        new InstanceFolder(folder.Root).Write("A.npy", data, a.Shape[0], a.Shape[1]);
        var streamed = QuadraticSensingInstance.Load(new InstanceFolder(folder.Root), 3407, streamingBytes: 0);
        var e = Assert.Throws<InstanceDataException>(() => streamed.Evaluate(streamed.Start, new double[streamed.Dimension]));
        Assert.Contains("entry (1030, 3) is NaN", e.Message);
    }

    private static ScratchFolder Written(out BlockSeededSensing family)
    {
        var folder = new ScratchFolder();
        family = new BlockSeededSensing(31, 7, 2, 4);
        SeededSensingFiles.Write(family, folder.Root, 1100);
        return folder;
    }

    private static byte[] NpyFloat32(double[] data, IReadOnlyList<int> shape)
    {
        var header = System.Text.Encoding.Latin1.GetBytes($"{{'descr': '<f4', 'fortran_order': False, 'shape': ({shape[0]}, {shape[1]}), }}".PadRight(118) + "\n");
        var bytes = new List<byte>([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)header.Length, 0]);
        bytes.AddRange(header);
        foreach (var v in data) bytes.AddRange(BitConverter.GetBytes((float)v));
        return [.. bytes];
    }
}
