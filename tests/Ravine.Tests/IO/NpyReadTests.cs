using Ravine.IO;

namespace Ravine.Tests.IO;

public class NpyReadTests
{
    private static void AssertBitExact(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }

    [Theory]
    [InlineData("f8", nameof(NpyDtype.Float64))]
    [InlineData("f4", nameof(NpyDtype.Float32))]
    [InlineData("i8", nameof(NpyDtype.Int64))]
    [InlineData("i4", nameof(NpyDtype.Int32))]
    public void Every_dtype_endianness_and_order_reads_the_same_row_major_values(string dtype, string expected)
    {
        foreach (var endian in new[] { "le", "be" })
            foreach (var order in new[] { "c", "f" })
            {
                var a = Npy.Read(Fixture.Path($"{dtype}_{endian}_{order}.npy"));
                AssertBitExact(Fixture.Expected(dtype), a.Data);
                Assert.Equal(new[] { 2, 3 }, a.Shape);
                Assert.Equal((2, 3, 2), (a.Rows, a.Columns, a.Rank));
                Assert.Equal(Enum.Parse<NpyDtype>(expected), a.Dtype);
                Assert.Equal(endian == "be", a.BigEndian);
                Assert.Equal(order == "f", a.FortranOrder);
                Assert.Equal((endian == "be" ? ">" : "<") + dtype, a.Descr);
            }
    }

    [Fact]
    public void Indexer_addresses_row_and_column()
    {
        var a = Npy.Read(Fixture.Path("f8_le_f.npy"));
        Assert.Equal(1e300, a[0, 2]);
        Assert.Equal(5e-324, a[1, 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => a[2, 0]);
    }

    [Fact]
    public void A_1d_array_is_a_column()
    {
        foreach (var name in new[] { "f8_1d.npy", "f8_1d_fortran.npy" })
        {
            var a = Npy.Read(Fixture.Path(name));
            Assert.Equal([1.0, 2.0, 3.0], a.Data);
            Assert.Equal(new[] { 3 }, a.Shape);
            Assert.Equal((3, 1, 1), (a.Rows, a.Columns, a.Rank));
        }
    }

    [Fact]
    public void A_0d_scalar_is_accepted_as_one_element()
    {
        var a = Npy.Read(Fixture.Path("f8_scalar.npy"));
        Assert.Equal([42.5], a.Data);
        Assert.Empty(a.Shape);
        Assert.Equal((1, 1, 0), (a.Rows, a.Columns, a.Rank));
    }

    [Fact]
    public void An_empty_array_keeps_its_shape()
    {
        var a = Npy.Read(Fixture.Path("f8_empty.npy"));
        Assert.Empty(a.Data);
        Assert.Equal((0, 3), (a.Rows, a.Columns));
    }

    [Fact]
    public void Version_2_header_with_u32_length_is_read()
    {
        Assert.Equal(2, Fixture.Bytes("f8_v2.npy")[6]);
        AssertBitExact(Fixture.Expected("f8"), Npy.Read(Fixture.Path("f8_v2.npy")).Data);
    }

    [Fact]
    public void Version_3_utf8_header_is_read()
    {
        Assert.Equal(3, Fixture.Bytes("f4_be_f_v3.npy")[6]);
        var a = Npy.Read(Fixture.Path("f4_be_f_v3.npy"));
        AssertBitExact(Fixture.Expected("f4"), a.Data);
        Assert.True(a.BigEndian && a.FortranOrder);
    }

    [Fact]
    public void Header_with_other_key_order_odd_spacing_and_no_padding_is_read()
    {
        AssertBitExact(Fixture.Expected("f8"), Npy.Read(Fixture.Path("odd_spacing.npy")).Data);
    }

    [Fact]
    public void Python_2_long_literals_in_the_shape_are_read()
    {
        var a = Npy.Read(Fixture.Path("python2_longs.npy"));
        AssertBitExact(Fixture.Expected("i4"), a.Data);
        Assert.Equal(new[] { 2, 3 }, a.Shape);
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read_in_full()
    {
        using var stream = new ForwardOnlyStream(Fixture.Bytes("i8_be_f.npy"));
        AssertBitExact(Fixture.Expected("i8"), Npy.Read(stream, "pipe").Data);
    }

    [Fact]
    public void Arrays_saved_one_after_another_in_one_stream_are_read_in_turn()
    {
        using var stream = new MemoryStream([.. Fixture.Bytes("f8_1d.npy"), .. Fixture.Bytes("i4_le_c.npy")]);
        Assert.Equal([1.0, 2.0, 3.0], Npy.Read(stream).Data);
        AssertBitExact(Fixture.Expected("i4"), Npy.Read(stream).Data);
        Assert.Equal(stream.Length, stream.Position);
    }

    [Fact]
    public void The_header_parser_reads_nested_tuples_lists_and_none()
    {
        var value = PythonLiteral.Parse(" {'a': ((1,), [2, -3L], None, True), \"b\": (7) , }");
        var dict = Assert.IsType<Dictionary<string, object?>>(value);
        var tuple = Assert.IsType<PythonLiteral.PythonTuple>(dict["a"]);
        Assert.Equal(4, tuple.Items.Count);
        Assert.Equal([1L], Assert.IsType<PythonLiteral.PythonTuple>(tuple.Items[0]).Items);
        Assert.Equal([2L, -3L], Assert.IsType<List<object?>>(tuple.Items[1]));
        Assert.Null(tuple.Items[2]);
        Assert.Equal(true, tuple.Items[3]);
        Assert.Equal(7L, dict["b"]); // (7) is 7, not a tuple
    }
}

/// <summary>A read-only stream that cannot seek and hands out at most 5 bytes per read, like a pipe.</summary>
internal sealed class ForwardOnlyStream(byte[] bytes) : Stream
{
    private int _position;
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(Math.Min(count, 5), bytes.Length - _position);
        Array.Copy(bytes, _position, buffer, offset, n);
        _position += n;
        return n;
    }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
