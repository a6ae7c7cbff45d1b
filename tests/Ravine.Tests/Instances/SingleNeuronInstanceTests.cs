using Ravine.Instances;
using Ravine.Problems;
using Ravine.Tests.IO;

namespace Ravine.Tests.Instances;

public class SingleNeuronInstanceTests
{
    [Fact]
    public void A_saved_instance_loads_back_bit_for_bit()
    {
        using var scratch = new ScratchFolder();
        var problem = SingleNeuron.Generate(7, inputDimension: 9);
        InstanceFormats.Save(problem, scratch.Root);
        var loaded = Assert.IsType<SingleNeuron>(InstanceFormats.Load("single-neuron", scratch.Root));
        Assert.Equal(problem.Start.Select(BitConverter.DoubleToInt64Bits), loaded.Start.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(problem.Teacher.Select(BitConverter.DoubleToInt64Bits), loaded.Teacher.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_student_of_another_dimension_is_rejected_naming_both_files()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        folder.Write("v.npy", [1, 2, 3], 3);
        folder.Write("w1.npy", [1, 2, 3], 3);
        folder.Write("w2.npy", [1, 2], 2);
        var e = Assert.Throws<InstanceDataException>(() => InstanceFormats.Load("single-neuron", scratch.Root));
        Assert.EndsWith("w2.npy", e.File);
        Assert.Contains("shape (2,), expected (3,)", e.Message);
        Assert.Contains("v.npy has shape (3,)", e.Message);
    }

    [Fact]
    public void A_zero_teacher_is_rejected()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        foreach (var name in new[] { "w1.npy", "w2.npy" }) folder.Write(name, [1, 2], 2);
        folder.Write("v.npy", [0, 0], 2);
        var e = Assert.Throws<InstanceDataException>(() => InstanceFormats.Load("single-neuron", scratch.Root));
        Assert.EndsWith("v.npy", e.File);
    }

    [Fact]
    public void Every_file_is_required()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        folder.Write("v.npy", [1, 2], 2);
        folder.Write("w1.npy", [1, 2], 2);
        var e = Assert.Throws<InstanceDataException>(() => InstanceFormats.Load("single-neuron", scratch.Root));
        Assert.EndsWith("w2.npy", e.File);
    }
}
