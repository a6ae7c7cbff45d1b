using System.IO.Compression;
using Ravine.IO;

namespace Ravine.Tests.IO;

public class IdxReaderTests
{
    private static byte[] Idx(byte type, int[] dimensions, byte[] data)
    {
        var bytes = new List<byte> { 0, 0, type, (byte)dimensions.Length };
        foreach (int d in dimensions) bytes.AddRange([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        bytes.AddRange(data);
        return [.. bytes];
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest)) gzip.Write(bytes);
        return memory.ToArray();
    }

    private static IdxFormatException Malformed(byte[] bytes, string expected)
    {
        using var folder = new ScratchFolder();
        string path = folder.File("bad-idx1-ubyte");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(expected, e.Message);
        return e;
    }

    [Fact]
    public void A_raw_file_reads_back_its_dimensions_and_bytes()
    {
        using var folder = new ScratchFolder();
        byte[] data = [.. Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)(i * 7))];
        File.WriteAllBytes(folder.File("images"), Idx(0x08, [2, 3, 4], data));
        var array = IdxReader.Read(folder.File("images"));
        Assert.Equal([2, 3, 4], array.Dimensions);
        Assert.Equal(data, array.Data);
        Assert.Equal((2, 12), (array.Count, array.ItemLength));
    }

    [Fact]
    public void A_gzip_file_is_recognized_by_its_magic_and_reads_the_same()
    {
        using var folder = new ScratchFolder();
        byte[] data = [3, 1, 4, 1, 5];
        File.WriteAllBytes(folder.File("labels.bin"), Gzip(Idx(0x08, [5], data)));
        Assert.Equal(data, IdxReader.Read(folder.File("labels.bin")).Data);
    }

    [Fact]
    public void An_empty_file_is_rejected() => Malformed([], "empty");

    [Fact]
    public void A_file_without_the_two_zero_bytes_is_not_an_idx_file() => Malformed(Idx(0x08, [1], [9]).Prepend((byte)1).ToArray(), "bad magic");

    [Fact]
    public void Element_types_other_than_unsigned_bytes_are_named_as_unsupported() => Malformed(Idx(0x0D, [1], [0, 0, 0, 0]), "unsupported element type 0x0D");

    [Fact]
    public void Zero_or_too_many_dimensions_are_rejected()
    {
        Malformed(Idx(0x08, [], []), "0 dimensions");
        Malformed(Idx(0x08, [1, 1, 1, 1, 1], [7]), "5 dimensions");
    }

    [Fact]
    public void A_header_cut_inside_its_dimensions_is_truncated() => Malformed(Idx(0x08, [2, 2], [])[..9], "ends inside them");

    [Fact]
    public void A_header_claiming_more_data_than_follows_fails_before_allocating() =>
        Malformed(Idx(0x08, [60000, 28, 28], [1, 2, 3]), "truncated data: the header claims 60000 × 28 × 28 = 47040000 bytes but only 3 follow");

    [Fact]
    public void Bytes_after_the_data_are_rejected() => Malformed(Idx(0x08, [2], [1, 2, 3]), "1 bytes follow the 2 data");

    [Fact]
    public void A_gzip_header_that_disagrees_with_the_trailer_fails_before_allocating() =>
        Malformed(Gzip(Idx(0x08, [1_000_000, 28, 28], [1, 2, 3])), "the gzip trailer records 19 uncompressed bytes");

    [Fact]
    public void A_damaged_gzip_stream_is_reported_as_such()
    {
        byte[] gzip = Gzip(Idx(0x08, [64], [.. Enumerable.Range(0, 64).Select(i => (byte)i)]));
        for (int i = 10; i < gzip.Length - 8; i++) gzip[i] ^= 0x5A;
        using var folder = new ScratchFolder();
        File.WriteAllBytes(folder.File("damaged.gz"), gzip);
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.Read(folder.File("damaged.gz")));
        Assert.StartsWith(folder.File("damaged.gz"), e.Message);
    }
}
