using System.Buffers.Binary;
using System.Text;
using Ravine.IO;

namespace Ravine.Tests.IO;

public class NpyMalformedTests
{
    private const string Good = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";

    /// <summary>A .npy file with the given header text and <paramref name="dataBytes"/> bytes of data.</summary>
    private static byte[] File(string header, int dataBytes, byte major = 1)
    {
        var text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetBytes(header + "\n");
        var length = new byte[major == 1 ? 2 : 4];
        if (major == 1)
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)text.Length);
        else
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)text.Length);
        return [0x93, .. "NUMPY"u8, major, 0, .. length, .. text, .. new byte[dataBytes]];
    }

    /// <summary>Reads the bytes from a file and returns the message of the <see cref="NpyFormatException"/> it must throw.</summary>
    private static string Problem(byte[] bytes)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("bad.npy");
        System.IO.File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<NpyFormatException>(() => Npy.Read(path));
        Assert.Equal(path, e.Path);
        Assert.StartsWith(path + ": ", e.Message);
        Assert.EndsWith(e.Problem, e.Message);
        return e.Problem;
    }

    [Fact]
    public void A_well_formed_file_from_these_helpers_reads()
    {
        using var stream = new MemoryStream(File(Good, 48));
        Assert.Equal(6, Npy.Read(stream).Data.Length);
    }

    [Fact]
    public void Empty_file_is_rejected() => Assert.Contains("empty", Problem([]));

    [Fact]
    public void Bad_magic_is_rejected_showing_the_bytes_found() =>
        Assert.Equal("bad magic: expected \\x93NUMPY (93 4E 55 4D 50 59), found 504B03040A00; not a .npy file", Problem([0x50, 0x4B, 3, 4, 10, 0, 0, 0, 0, 0, 0, 0]));

    [Fact]
    public void File_ending_inside_the_version_is_truncated() => Assert.Contains("truncated", Problem([0x93, .. "NUMPY"u8, 1]));

    [Theory]
    [InlineData(4, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    public void Unsupported_version_is_rejected_naming_it(byte major, byte minor)
    {
        var bytes = File(Good, 48);
        (bytes[6], bytes[7]) = (major, minor);
        Assert.Equal($"unsupported format version {major}.{minor}; supported versions: 1.0, 2.0, 3.0", Problem(bytes));
    }

    [Theory]
    [InlineData("'<f2'", "unsupported dtype '<f2'; supported dtypes: <f8, >f8, <f4, >f4, <i8, >i8, <i4, >i4")]
    [InlineData("'|O'", "unsupported dtype '|O'; supported dtypes: <f8, >f8, <f4, >f4, <i8, >i8, <i4, >i4")]
    [InlineData("'=f8'", "unsupported dtype '=f8'")]
    [InlineData("'<c16'", "unsupported dtype '<c16'")]
    [InlineData("[('x', '<f8')]", "structured dtypes are not supported; supported dtypes: <f8,")]
    [InlineData("8", "'descr' is an integer, not a dtype string")]
    public void Unsupported_dtype_is_rejected_naming_it_and_the_supported_ones(string descr, string problem) =>
        Assert.StartsWith(problem, Problem(File($"{{'descr': {descr}, 'fortran_order': False, 'shape': (2, 3), }}", 48)));

    [Fact]
    public void Three_dimensional_array_is_rejected() =>
        Assert.Equal("the array has 3 dimensions (2, 3, 4); only 1-D and 2-D arrays (and 0-D scalars) are supported",
            Problem(File("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3, 4), }", 192)));

    [Fact]
    public void Truncated_data_says_how_many_bytes_were_expected_and_found() =>
        Assert.Equal("truncated data: expected 48 bytes of data for shape (2, 3) of <f8, found 40", Problem(File(Good, 40)));

    [Fact]
    public void Huge_claimed_shape_is_rejected_before_allocating() =>
        Assert.Equal("truncated data: expected 8000000000 bytes of data for shape (1000000000,) of <f8, found 48",
            Problem(File("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000,), }", 48)));

    [Fact]
    public void Huge_claimed_shape_on_a_stream_that_cannot_seek_fails_without_allocating_it()
    {
        using var stream = new ForwardOnlyStream(File("{'descr': '<f8', 'fortran_order': True, 'shape': (2147483591,), }", 48));
        var e = Assert.Throws<NpyFormatException>(() => Npy.Read(stream, "pipe"));
        Assert.Equal("pipe: truncated data: expected 17179868728 bytes of data for shape (2147483591,) of <f8, found 48", e.Message);
    }

    [Fact]
    public void Header_claiming_fewer_elements_than_the_data_holds_is_rejected() =>
        Assert.Equal("16 bytes follow the 32 bytes of data for shape (2, 2) of <f8; the header's shape does not match the data",
            Problem(File("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", 48)));

    [Theory]
    [InlineData("(-1, 3)", "the shape (-1, 3) has a negative dimension")]
    [InlineData("(99999999999999999999999, 1)", "the header is out of range: the integer 99999999999999999999999 at character 51 does not fit in 64 bits")]
    [InlineData("(4611686018427387904,)", "the shape (4611686018427387904,) has a dimension larger than 2147483591")]
    [InlineData("(2147483591, 2147483591)", "the shape (2147483591, 2147483591) has more than 2147483591 elements")]
    [InlineData("[2, 3]", "'shape' is a list, not a tuple of integers")]
    [InlineData("(2, '3')", "'shape' is a tuple, not a tuple of integers")]
    [InlineData("6", "'shape' is an integer, not a tuple of integers")]
    public void Negative_overflowing_or_ill_typed_shape_is_rejected(string shape, string problem) =>
        Assert.StartsWith(problem, Problem(File($"{{'descr': '<f8', 'fortran_order': False, 'shape': {shape}, }}", 48)));

    [Theory]
    [InlineData("['descr', '<f8']", "the header is a list, not a dict")]
    [InlineData("", "the header is not a Python dict literal: expected a value at character 1, found the end of the header")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), ", "the header is not a Python dict literal: expected a value")]
    [InlineData("{'descr': '<f8' 'fortran_order': False}", "the header is not a Python dict literal: expected ',' or '}' at character 16")]
    [InlineData("{'descr': '<f8', 'fortran_order': false, 'shape': (2, 3)}", "the header is not a Python dict literal: expected a value at character 34")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3)} junk", "the header is not a Python dict literal: expected the end of the literal")]
    [InlineData("{'descr': '<f8, 'fortran_order': False, 'shape': (2, 3)}", "the header is not a Python dict literal")]
    [InlineData("{'descr': '<f8', 'fortran_order': False}", "the header has no 'shape' key")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 'extra': 1}", "the header has an unexpected key 'extra'")]
    [InlineData("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (2, 3)}", "the header is not a Python dict literal: the key 'descr' appears twice")]
    [InlineData("{'descr': '<f8', 'fortran_order': 0, 'shape': (2, 3)}", "'fortran_order' is an integer, not True or False")]
    [InlineData("{1: '<f8'}", "the header is not a Python dict literal: a dict key at character 1 is not a string")]
    public void Header_that_is_not_the_expected_dict_is_rejected(string header, string problem) =>
        Assert.StartsWith(problem, Problem(File(header, 48)));

    [Fact]
    public void Deeply_nested_header_is_rejected_without_overflowing_the_stack() =>
        Assert.Contains("nested deeper than", Problem(File("{'descr': " + new string('(', 60000), 0, major: 2)));

    [Fact]
    public void Header_length_beyond_the_end_of_the_file_is_truncated()
    {
        var bytes = File(Good, 0);
        (bytes[8], bytes[9]) = (0xFF, 0xFF);
        Assert.Equal($"truncated: the header claims 65535 bytes but only {bytes.Length - 10} follow", Problem(bytes));
    }

    [Fact]
    public void Header_length_over_the_limit_is_rejected()
    {
        var bytes = File(Good, 48, major: 2);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), uint.MaxValue);
        Assert.Equal($"the header claims {uint.MaxValue} bytes; at most 65536 are accepted", Problem(bytes));
    }

    [Fact]
    public void Version_3_header_that_is_not_utf8_is_rejected()
    {
        var bytes = File(Good, 48, major: 3);
        bytes[14] = 0xFF;
        Assert.Equal("the version 3.0 header is not valid UTF-8", Problem(bytes));
    }

    [Fact]
    public void A_missing_file_is_an_io_error_not_a_format_error() =>
        Assert.Throws<FileNotFoundException>(() => Npy.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".npy")));
}
