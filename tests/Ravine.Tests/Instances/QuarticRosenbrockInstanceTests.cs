using Ravine.Instances;
using Ravine.Problems;
using Ravine.Tests.IO;

namespace Ravine.Tests.Instances;

public class QuarticRosenbrockInstanceTests
{
    [Fact]
    public void A_saved_instance_loads_back_with_the_same_start()
    {
        using var scratch = new ScratchFolder();
        var problem = QuarticRosenbrock.Generate(7);
        InstanceFormats.Save(problem, scratch.Root);
        var loaded = InstanceFormats.Load("quartic-rosenbrock", scratch.Root);
        Assert.IsType<QuarticRosenbrock>(loaded);
        Assert.Equal(problem.Start.Select(BitConverter.DoubleToInt64Bits), loaded.Start.Select(BitConverter.DoubleToInt64Bits));
        Assert.True(File.Exists(Path.Combine(scratch.Root, "x0.npy")));
    }

    [Fact]
    public void A_start_of_the_wrong_length_is_rejected_with_both_shapes()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        folder.Write("x0.npy", [1, 2, 3], 3);
        var e = Assert.Throws<InstanceDataException>(() => InstanceFormats.Load("quartic-rosenbrock", scratch.Root));
        Assert.Equal($"{folder.FilePath("x0.npy")}: shape (3,), expected (2,): the quartic Rosenbrock function has two variables (x, y)", e.Message);
    }

    [Fact]
    public void Its_only_file_is_required()
    {
        using var scratch = new ScratchFolder();
        var e = Assert.Throws<InstanceDataException>(() => InstanceFormats.Load("quartic-rosenbrock", scratch.Root));
        Assert.EndsWith("x0.npy", e.File);
    }
}
