using System.Buffers.Binary;
using System.Text;

namespace Ravine.IO;

/// <summary>
/// Reads one .npy array from a stream, checking every claim the file makes (header length, shape, data size)
/// against the bytes actually there before allocating for it, so a lying or damaged file fails with an
/// <see cref="NpyFormatException"/> rather than an index, overflow or out-of-memory error.
/// </summary>
internal sealed class NpyReader
{
    /// <summary>NumPy itself refuses headers over 10 000 bytes by default; a valid header for a 2-D array is far shorter.</summary>
    public const int MaxHeaderLength = 1 << 16;

    private const int ChunkBytes = 1 << 16;

    private readonly Stream _stream;
    private readonly string? _path;
    private readonly long? _available; // bytes known to be left in the stream (seekable streams only)
    private long _consumed;

    private NpyReader(Stream stream, string? path)
    {
        _stream = stream;
        _path = path;
        _available = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;
    }

    /// <summary>Reads one array; with <paramref name="requireEnd"/> the stream must end right after its data.</summary>
    public static NpyArray Read(Stream stream, string? path, bool requireEnd = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new NpyReader(stream, path);
        var array = reader.ReadArray();
        if (requireEnd)
            reader.CheckEnd(array);
        return array;
    }

    /// <summary>
    /// Reads only the preamble and header of the .npy file at the start of <paramref name="stream"/>: the header and the
    /// offset of the data from the start of the stream (for readers that fetch the data block by block).
    /// </summary>
    public static (NpyHeader Header, long DataOffset) ReadHeader(Stream stream, string? path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new NpyReader(stream, path);
        var header = reader.ReadPreamble();
        return (header, reader._consumed);
    }

    private NpyFormatException Fail(string problem) => new(_path, problem);

    private NpyArray ReadArray() => ReadData(ReadPreamble());

    private NpyHeader ReadPreamble()
    {
        var preamble = new byte[8];
        int got = ReadAtMost(preamble);
        if (got < 6 || !preamble.AsSpan(0, 6).SequenceEqual(NpyMagic.Bytes))
            throw Fail(got == 0
                ? "the source is empty; a .npy file starts with the magic string \\x93NUMPY"
                : $"bad magic: expected \\x93NUMPY (93 4E 55 4D 50 59), found {Convert.ToHexString(preamble, 0, Math.Min(got, 6))}; not a .npy file");
        if (got < 8)
            throw Fail($"truncated: the file ends after {got} bytes, inside the format version");
        int major = preamble[6], minor = preamble[7];
        if (major is < 1 or > 3 || minor != 0)
            throw Fail($"unsupported format version {major}.{minor}; supported versions: 1.0, 2.0, 3.0");

        var lengthBytes = new byte[major == 1 ? 2 : 4];
        if (ReadAtMost(lengthBytes) < lengthBytes.Length)
            throw Fail("truncated: the file ends inside the header length");
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes) : BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
        if (headerLength > MaxHeaderLength)
            throw Fail($"the header claims {headerLength} bytes; at most {MaxHeaderLength} are accepted");
        if (_available - _consumed < headerLength)
            throw Fail($"truncated: the header claims {headerLength} bytes but only {_available - _consumed} follow");
        var headerBytes = new byte[headerLength];
        int headerGot = ReadAtMost(headerBytes);
        if (headerGot < headerLength)
            throw Fail($"truncated: the header claims {headerLength} bytes but only {headerGot} follow");

        return NpyHeader.Parse(DecodeHeader(headerBytes, major), Fail);
    }

    private string DecodeHeader(byte[] bytes, int major)
    {
        if (major < 3)
            return Encoding.Latin1.GetString(bytes);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Fail("the version 3.0 header is not valid UTF-8");
        }
    }

    private NpyArray ReadData(NpyHeader header)
    {
        int itemSize = NpyDescr.ItemSize(header.Dtype);
        long count = NpyShape.ElementCount(header.Shape);
        if (count > Array.MaxLength)
            throw Fail($"the shape {NpyShape.Format(header.Shape)} has more than {Array.MaxLength} elements, too many to read whole (a quadratic-sensing instance's A and B of any size are read block by block)");
        long expected = count * itemSize;
        string what = $"{NpyShape.Format(header.Shape)} of {NpyDescr.Format(header.Dtype, header.BigEndian)}";
        if (_available - _consumed is long left && left < expected)
            throw Fail($"truncated data: expected {expected} bytes of data for shape {what}, found {left}");

        // Allocate what is known to be there; a stream of unknown length grows the array as data arrives.
        var data = new double[_available is null ? Math.Min(count, ChunkBytes) : count];
        var buffer = new byte[(int)Math.Min(ChunkBytes, Math.Max(expected, 8))];
        long done = 0;
        while (done < count)
        {
            int want = (int)Math.Min(buffer.Length / itemSize, count - done) * itemSize;
            int got = ReadAtMost(buffer.AsSpan(0, want));
            if (got < want)
                throw Fail($"truncated data: expected {expected} bytes of data for shape {what}, found {done * itemSize + got}");
            int items = want / itemSize;
            if (done + items > data.Length)
                Array.Resize(ref data, (int)Math.Min(count, Math.Max(2L * data.Length, done + items)));
            Decode(buffer.AsSpan(0, want), data.AsSpan((int)done, items), header.Dtype, header.BigEndian);
            done += items;
        }
        if (header.FortranOrder && header.Shape.Length == 2)
            data = ToRowMajor(data, header.Shape[0], header.Shape[1]);
        return new NpyArray(data, header.Shape, header.Dtype, header.BigEndian, header.FortranOrder);
    }

    private static void Decode(ReadOnlySpan<byte> bytes, Span<double> target, NpyDtype dtype, bool bigEndian)
    {
        switch (dtype)
        {
            case NpyDtype.Float64:
                for (int i = 0; i < target.Length; i++)
                    target[i] = bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(bytes[(8 * i)..]) : BinaryPrimitives.ReadDoubleLittleEndian(bytes[(8 * i)..]);
                break;
            case NpyDtype.Float32:
                for (int i = 0; i < target.Length; i++)
                    target[i] = bigEndian ? BinaryPrimitives.ReadSingleBigEndian(bytes[(4 * i)..]) : BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
                break;
            case NpyDtype.Int64:
                for (int i = 0; i < target.Length; i++)
                    target[i] = bigEndian ? BinaryPrimitives.ReadInt64BigEndian(bytes[(8 * i)..]) : BinaryPrimitives.ReadInt64LittleEndian(bytes[(8 * i)..]);
                break;
            default:
                for (int i = 0; i < target.Length; i++)
                    target[i] = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes[(4 * i)..]) : BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]);
                break;
        }
    }

    private static double[] ToRowMajor(double[] columnMajor, int rows, int columns)
    {
        var rowMajor = new double[columnMajor.Length];
        for (int j = 0; j < columns; j++)
            for (int i = 0; i < rows; i++)
                rowMajor[(long)i * columns + j] = columnMajor[(long)j * rows + i];
        return rowMajor;
    }

    private void CheckEnd(NpyArray array)
    {
        long extra = _available is long known ? known - _consumed : ReadAtMost(new byte[1]);
        if (extra <= 0)
            return;
        long dataBytes = (long)array.Data.Length * NpyDescr.ItemSize(array.Dtype);
        var what = $"{NpyShape.Format([.. array.Shape])} of {array.Descr}";
        throw Fail(_available is null
            ? $"more bytes follow the {dataBytes} bytes of data for shape {what}; the header's shape does not match the data"
            : $"{extra} bytes follow the {dataBytes} bytes of data for shape {what}; the header's shape does not match the data");
    }

    private int ReadAtMost(Span<byte> buffer)
    {
        int got = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        _consumed += got;
        return got;
    }
}
