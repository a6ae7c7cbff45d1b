using System.IO.Compression;
using CsCheck;
using Ravine.IO;

namespace Ravine.Tests.IO;

public class NpzTests
{
    [Theory]
    [InlineData("arrays_stored.npz")]
    [InlineData("arrays_deflated.npz")]
    public void Stored_and_deflated_archives_from_numpy_read_every_array_by_name(string name)
    {
        var arrays = Npz.Read(Fixture.Path(name));
        Assert.Equal(["A", "counts", "x0"], arrays.Keys.Order());
        Assert.Equal(Fixture.Expected("f8"), arrays["A"].Data);
        Assert.Equal(new[] { 2, 3 }, arrays["A"].Shape);
        Assert.Equal([1.0, 2.0, 3.0], arrays["x0"].Data);
        Assert.Equal(Fixture.Expected("i4"), arrays["counts"].Data);
        Assert.Equal(NpyDtype.Int32, arrays["counts"].Dtype);
    }

    [Theory]
    [InlineData(false, ZipCompressionMethod.Stored)]
    [InlineData(true, ZipCompressionMethod.Deflate)]
    public void Write_then_read_round_trips_bit_exactly(bool compress, ZipCompressionMethod method)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("run.npz");
        var written = new Dictionary<string, NpyArray>
        {
            ["x"] = new([Math.PI, -0.0, double.NaN], 3),
            ["trace/gap"] = new([1e-300, 2, 3, 4, 5, 6], 2, 3),
            ["fstar"] = new([0.0]),
            ["none"] = new([], 0, 4),
        };
        Npz.Write(path, written, compress);
        var read = Npz.Read(path);
        Assert.Equal(written.Keys.Order(), read.Keys.Order());
        foreach (var (name, array) in written)
        {
            Assert.Equal(array.Data.Select(BitConverter.DoubleToInt64Bits), read[name].Data.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(array.Shape, read[name].Shape);
        }
        Assert.Equal([path], Directory.GetFiles(folder.Root));
        Assert.Equal(method, ZipMethodOfFirstEntry(File.ReadAllBytes(path)));
    }

    /// <summary>The compression method field of the first local file header (offset 8).</summary>
    private static ZipCompressionMethod ZipMethodOfFirstEntry(byte[] zip) => (ZipCompressionMethod)(zip[8] | zip[9] << 8);

    public enum ZipCompressionMethod { Stored = 0, Deflate = 8 }

    [Fact]
    public void Writing_the_same_arrays_twice_gives_the_same_bytes()
    {
        var arrays = new Dictionary<string, NpyArray> { ["a"] = new([1.0, 2.0], 2) };
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        Npz.Write(first, arrays);
        Npz.Write(second, arrays);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    private static NpyFormatException Fails(byte[] archive)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("bad.npz");
        File.WriteAllBytes(path, archive);
        var e = Assert.Throws<NpyFormatException>(() => Npz.Read(path));
        Assert.StartsWith(path, e.Message);
        return e;
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(content);
            }
        return stream.ToArray();
    }

    [Fact]
    public void A_file_that_is_not_a_zip_archive_is_rejected() =>
        Assert.StartsWith("not a valid zip archive", Fails(Fixture.Bytes("f8_le_c.npy")).Problem);

    [Fact]
    public void An_empty_file_is_rejected() => Assert.StartsWith("not a valid zip archive", Fails([]).Problem);

    [Fact]
    public void A_truncated_archive_is_rejected()
    {
        var bytes = Fixture.Bytes("arrays_deflated.npz");
        Fails(bytes[..(bytes.Length / 2)]);
    }

    [Fact]
    public void An_entry_that_is_not_npy_is_rejected_naming_it()
    {
        var e = Fails(Zip(("notes.txt", "hello"u8.ToArray())));
        Assert.Equal("notes.txt", e.Entry);
        Assert.Contains("(entry 'notes.txt'): the entry is not a .npy file", e.Message);
    }

    [Fact]
    public void A_bad_array_inside_is_rejected_naming_the_archive_and_entry()
    {
        var e = Fails(Zip(("a.npy", Fixture.Bytes("f8_1d.npy")), ("b.npy", Fixture.Bytes("f8_le_c.npy")[..150])));
        Assert.Equal("b.npy", e.Entry);
        Assert.Equal("truncated data: expected 48 bytes of data for shape (2, 3) of <f8, found 22", e.Problem);
    }

    [Fact]
    public void Two_entries_of_one_name_are_rejected()
    {
        var e = Fails(Zip(("a.npy", Fixture.Bytes("f8_1d.npy")), ("a.npy", Fixture.Bytes("f8_1d.npy"))));
        Assert.Equal("the archive holds two arrays named 'a'", e.Problem);
    }

    [Fact]
    public void Mutated_archives_give_arrays_or_an_NpyFormatException_and_nothing_else()
    {
        var originals = new[] { Fixture.Bytes("arrays_stored.npz"), Fixture.Bytes("arrays_deflated.npz") };
        Gen.Select(Gen.Int[0, 1], Gen.Int[0, int.MaxValue].Array[1, 4], Gen.Byte.Array[1, 4], (s, at, v) => (s, at, v)).Sample(c =>
        {
            var bytes = (byte[])originals[c.s].Clone();
            for (int i = 0; i < c.at.Length; i++)
                bytes[c.at[i] % bytes.Length] = c.v[i % c.v.Length];
            try
            {
                foreach (var a in Npz.Read(new MemoryStream(bytes), "fuzz.npz").Values)
                    Assert.Equal((long)a.Rows * a.Columns, a.Data.Length);
            }
            catch (NpyFormatException e)
            {
                Assert.StartsWith("fuzz.npz", e.Message);
            }
        }, iter: 3_000, threads: 1);
    }
}
