using Ravine.Instances;
using Ravine.Problems;
using Ravine.Tests.IO;

namespace Ravine.Tests.Instances;

public class MatrixFactorizationInstanceTests
{
    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Fact]
    public void A_saved_instance_loads_back_bit_for_bit()
    {
        using var scratch = new ScratchFolder();
        var problem = MatrixFactorization.Generate(7, dimension: 9, rank: 2, width: 3);
        InstanceFormats.Save(problem, scratch.Root);
        var loaded = Assert.IsType<MatrixFactorization>(InstanceFormats.Load("matrix-factorization", scratch.Root));
        Assert.Equal(Bits(problem.Truth), Bits(loaded.Truth));
        Assert.Equal(Bits(problem.Start), Bits(loaded.Start));
        var g = new double[27];
        Assert.Equal(problem.Evaluate(problem.Start, g), loaded.Evaluate(problem.Start, g));
    }

    [Fact]
    public void Without_x0_the_width_is_four_and_the_start_is_drawn_from_the_seed()
    {
        using var scratch = new ScratchFolder();
        new InstanceFolder(scratch.Root).Write("truth.npy", [1, 0, 0, 1, 1, 1], 3, 2);
        var loaded = Assert.IsType<MatrixFactorization>(InstanceFormats.Load("matrix-factorization", scratch.Root, seed: 5));
        Assert.Equal(4, loaded.Width);
        Assert.Equal(MatrixFactorization.DrawStart(5, 3, 4), loaded.Start);
    }

    [Fact]
    public void A_start_narrower_than_the_truth_is_rejected_naming_truth()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        folder.Write("truth.npy", new double[6], 3, 2);
        folder.Write("x0.npy", new double[3], 3, 1);
        var e = Assert.Throws<InstanceDataException>(() => InstanceFormats.Load("matrix-factorization", scratch.Root));
        Assert.EndsWith("x0.npy", e.File);
        Assert.Contains("truth.npy has shape (3, 2)", e.Message);
    }
}
