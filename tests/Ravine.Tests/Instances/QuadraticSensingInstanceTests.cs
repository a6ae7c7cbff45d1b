using Ravine.Instances;
using Ravine.Problems;
using Ravine.Tests.IO;

namespace Ravine.Tests.Instances;

public class QuadraticSensingInstanceTests
{
    private static long[] Bits(double[]? values) => values!.Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Fact]
    public void A_saved_instance_loads_back_bit_for_bit()
    {
        using var scratch = new ScratchFolder();
        var problem = QuadraticSensing.Generate(7, dimension: 9, rank: 2, width: 3, measurements: 20);
        InstanceFormats.Save(problem, scratch.Root);
        var loaded = Assert.IsType<QuadraticSensing>(InstanceFormats.Load("quadratic-sensing", scratch.Root));
        Assert.Equal(Bits(problem.A), Bits(loaded.A));
        Assert.Equal(Bits(problem.B), Bits(loaded.B));
        Assert.Equal(Bits(problem.Y), Bits(loaded.Y));
        Assert.Equal(Bits(problem.Start), Bits(loaded.Start));
        Assert.Equal(Bits(problem.Truth), Bits(loaded.Truth));
    }

    [Fact]
    public void Without_x0_and_truth_the_width_is_four_the_start_is_drawn_and_distances_are_NaN()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        folder.Write("A.npy", new double[15], 3, 5);
        folder.Write("B.npy", new double[15], 3, 5);
        folder.Write("y.npy", new double[3], 3);
        var loaded = Assert.IsType<QuadraticSensing>(InstanceFormats.Load("quadratic-sensing", scratch.Root, seed: 4));
        Assert.Equal(4, loaded.Width);
        Assert.Equal(loaded.Start, MatrixFactorization.DrawStart(4, 5, 4));
        Assert.True(double.IsNaN(loaded.DistanceToSolutions(loaded.Start)));
    }

    [Fact]
    public void Measurements_of_another_length_are_rejected_naming_A()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        folder.Write("A.npy", new double[15], 3, 5);
        folder.Write("B.npy", new double[15], 3, 5);
        folder.Write("y.npy", new double[4], 4);
        var e = Assert.Throws<InstanceDataException>(() => InstanceFormats.Load("quadratic-sensing", scratch.Root));
        Assert.EndsWith("y.npy", e.File);
        Assert.Contains("shape (4,), expected (3,)", e.Message);
        Assert.Contains("A.npy has shape (3, 5)", e.Message);
    }

    [Fact]
    public void A_truth_wider_than_the_start_is_rejected()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        folder.Write("A.npy", new double[15], 3, 5);
        folder.Write("B.npy", new double[15], 3, 5);
        folder.Write("y.npy", new double[3], 3);
        folder.Write("x0.npy", new double[10], 5, 2);
        folder.Write("truth.npy", new double[15], 5, 3);
        var e = Assert.Throws<InstanceDataException>(() => InstanceFormats.Load("quadratic-sensing", scratch.Root));
        Assert.EndsWith("truth.npy", e.File);
        Assert.Contains("r ≤ k = 2", e.Message);
    }

    [Fact]
    public void Finite_data_so_large_that_f_at_the_start_overflows_is_refused_naming_the_folder()
    {
        using var scratch = new ScratchFolder();
        InstanceFormats.Save(QuadraticSensing.Generate(7, dimension: 9, rank: 2, width: 3, measurements: 20), scratch.Root);
        var folder = new InstanceFolder(scratch.Root);
        folder.Write("A.npy", Enumerable.Repeat(1e200, 20 * 9).ToArray(), 20, 9);
        var e = Assert.Throws<InstanceDataException>(() => InstanceFormats.Load("quadratic-sensing", scratch.Root));
        Assert.Equal(scratch.Root, e.File);
        Assert.StartsWith("f(x0) is not finite with this data: f(x0) = ", e.Problem);
    }

    [Theory]
    [InlineData("A.npy", "A_heldout.npy")]
    [InlineData("A_heldout.npy", "A.npy")]
    public void A_transposed_A_is_named_not_B(string transposed, string other)
    {
        // B and y agree with each other on m = 4 rows: the odd one out is A, stored as (d, m).
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        foreach (string prefix in new[] { "", "_heldout" })
        {
            folder.Write($"B{prefix}.npy", new double[12], 4, 3);
            folder.Write($"y{prefix}.npy", new double[4], 4);
        }
        folder.Write(transposed, new double[12], 3, 4);
        folder.Write(other, new double[12], 4, 3);
        var e = Assert.Throws<InstanceDataException>(() => InstanceFormats.Load("quadratic-sensing", scratch.Root));
        Assert.EndsWith(transposed, e.File);
        Assert.Contains("shape (3, 4), expected (4, 3)", e.Message);
        Assert.Contains("transposed", e.Message);
    }

    [Fact]
    public void A_B_of_the_wrong_shape_is_still_named()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        folder.Write("A.npy", new double[12], 4, 3);
        folder.Write("B.npy", new double[12], 3, 4);
        folder.Write("y.npy", new double[4], 4);
        var e = Assert.Throws<InstanceDataException>(() => InstanceFormats.Load("quadratic-sensing", scratch.Root));
        Assert.EndsWith("B.npy", e.File);
        Assert.Contains("shape (3, 4), expected (4, 3)", e.Message);
    }
}
