using Ravine.IO;

namespace Ravine.Tests.IO;

public class NpyWriteTests
{
    [Fact]
    public void Written_file_is_byte_for_byte_what_numpy_save_writes()
    {
        using var folder = new ScratchFolder();
        foreach (var (name, data, shape) in new (string, double[], int[])[]
                 {
                     ("f8_le_c.npy", Fixture.Expected("f8"), [2, 3]),
                     ("f8_1d.npy", [1.0, 2.0, 3.0], [3]),
                     ("f8_scalar.npy", [42.5], []),
                     ("f8_empty.npy", [], [0, 3]),
                 })
        {
            Npy.Write(folder.File(name), data, shape);
            Assert.Equal(Fixture.Bytes(name), File.ReadAllBytes(folder.File(name)));
        }
    }

    [Fact]
    public void Data_starts_at_a_multiple_of_64_bytes_after_a_newline()
    {
        foreach (var columns in new[] { 1, 7, 12345, int.MaxValue / 8 - 1 })
        {
            var header = NpyHeader.FormatFloat64Version1([0, columns]);
            Assert.Equal(0, header.Length % 64);
            Assert.Equal((byte)'\n', header[^1]);
            Assert.Equal(header.Length - 10, header[8] | header[9] << 8);
        }
    }

    [Fact]
    public void Write_then_read_round_trips_bit_exactly()
    {
        using var folder = new ScratchFolder();
        var data = new[] { double.NaN, BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0001), double.NegativeInfinity, -0.0, double.Epsilon, double.MaxValue, Math.PI, -1e-310 };
        Npy.Write(folder.File("m.npy"), data, 4, 2);
        var back = Npy.Read(folder.File("m.npy"));
        Assert.Equal(data.Select(BitConverter.DoubleToInt64Bits), back.Data.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal((4, 2, NpyDtype.Float64, "<f8"), (back.Rows, back.Columns, back.Dtype, back.Descr));
    }

    [Fact]
    public void Writing_an_array_read_as_int32_gives_float64()
    {
        using var folder = new ScratchFolder();
        Npy.Write(folder.File("x.npy"), Npy.Read(Fixture.Path("i4_be_f.npy")));
        var back = Npy.Read(folder.File("x.npy"));
        Assert.Equal(Fixture.Expected("i4"), back.Data);
        Assert.Equal("<f8", back.Descr);
    }

    [Fact]
    public void Writing_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("x.npy");
        Npy.Write(path, [1.0, 2.0, 3.0], 3);
        Npy.Write(path, [4.0, 5.0], 1, 2);
        Assert.Equal([4.0, 5.0], Npy.Read(path).Data);
        Assert.Equal([path], Directory.GetFiles(folder.Root));
    }

    [Fact]
    public void A_shape_that_does_not_fit_the_data_is_rejected_before_touching_the_file()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("x.npy");
        Npy.Write(path, [1.0, 2.0], 2);
        var before = File.ReadAllBytes(path);
        Assert.Throws<ArgumentException>(() => Npy.Write(path, [1.0, 2.0, 3.0], 2, 2));
        Assert.Throws<ArgumentException>(() => Npy.Write(path, [1.0, 2.0], 1, 1, 2));
        Assert.Throws<ArgumentException>(() => Npy.Write(path, [], -1));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(folder.Root));
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_old_file_and_no_temporary_file()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("x.npy");
        Npy.Write(path, [1.0], 1);
        var before = File.ReadAllBytes(path);
        using (var file = AtomicFile.Create(path))
            file.Stream.Write([1, 2, 3]); // disposed without Commit, as when the writer throws
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(folder.Root));
    }

    [Fact]
    public void Writing_to_a_stream_can_be_read_back_from_it()
    {
        using var stream = new MemoryStream();
        Npy.Write(stream, [1.0, 2.0, 3.0, 4.0], 2, 2);
        stream.Position = 0;
        var a = Npy.Read(stream);
        Assert.Equal([1.0, 2.0, 3.0, 4.0], a.Data);
        Assert.Equal(new[] { 2, 2 }, a.Shape);
    }
}
