using Ravine.Instances;
using Ravine.IO;
using Ravine.Tests.IO;

namespace Ravine.Tests.Instances;

public class InstanceFolderTests
{
    [Fact]
    public void A_written_array_reads_back_bit_for_bit()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(Path.Combine(scratch.Root, "new"));
        double[] data = [0.1, -2.5e-300, double.Epsilon, 7];
        folder.Write("A.npy", data, 2, 2);
        var array = folder.Read("A.npy", rank: 2);
        Assert.Equal([2, 2], array.Shape);
        Assert.Equal(data.Select(BitConverter.DoubleToInt64Bits), array.Data.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_missing_required_file_is_named()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        var e = Assert.Throws<InstanceDataException>(() => folder.Read("y.npy", rank: 1));
        Assert.Equal(Path.Combine(scratch.Root, "y.npy"), e.File);
        Assert.Contains("missing", e.Message);
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        using var scratch = new ScratchFolder();
        var path = Path.Combine(scratch.Root, "nowhere");
        var e = Assert.Throws<InstanceDataException>(() => new InstanceFolder(path).Read("x0.npy", rank: 1));
        Assert.Equal($"{path}: no such folder", e.Message);
    }

    [Fact]
    public void An_absent_optional_file_reads_as_null()
    {
        using var scratch = new ScratchFolder();
        Assert.Null(new InstanceFolder(scratch.Root).ReadOptional("truth.npy", rank: 2));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void A_non_finite_entry_is_rejected_with_its_file_and_index(double bad, string shown)
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        folder.Write("B.npy", [1, 2, 3, 4, 5, bad], 2, 3);
        var e = Assert.Throws<InstanceDataException>(() => folder.Read("B.npy", rank: 2));
        Assert.Equal($"{folder.FilePath("B.npy")}: entry [1, 2] is {shown}; instance data must be finite", e.Message);
    }

    [Fact]
    public void A_matrix_where_a_vector_is_expected_is_rejected_with_its_shape()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        folder.Write("y.npy", [1, 2, 3, 4], 2, 2);
        var e = Assert.Throws<InstanceDataException>(() => folder.Read("y.npy", rank: 1));
        Assert.Equal($"{folder.FilePath("y.npy")}: 2-D array of shape (2, 2), expected a 1-D array (a vector)", e.Message);
    }

    [Fact]
    public void A_malformed_file_surfaces_as_the_readers_exception_naming_the_file()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        File.WriteAllBytes(folder.FilePath("A.npy"), "not numpy"u8.ToArray());
        var e = Assert.Throws<NpyFormatException>(() => folder.Read("A.npy", rank: 2));
        Assert.Equal(folder.FilePath("A.npy"), e.Path);
    }

    [Fact]
    public void A_shape_mismatch_names_the_file_both_shapes_and_the_reason()
    {
        using var scratch = new ScratchFolder();
        var folder = new InstanceFolder(scratch.Root);
        var array = new NpyArray(new double[3], 3);
        var e = Assert.Throws<InstanceDataException>(() => folder.Expect("y.npy", array, [4], "one measurement per row of A.npy"));
        Assert.Equal($"{folder.FilePath("y.npy")}: shape (3,), expected (4,): one measurement per row of A.npy", e.Message);
    }
}
