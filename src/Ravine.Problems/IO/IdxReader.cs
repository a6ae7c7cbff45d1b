using System.Buffers.Binary;
using System.IO.Compression;

namespace Ravine.IO;

/// <summary>
/// Reads an IDX file of unsigned bytes (LeCun's format of MNIST and Fashion-MNIST), raw or gzip-compressed, checking
/// the header's claims against the bytes actually there before allocating for the data, like <see cref="NpyReader"/>.
/// </summary>
/// <remarks>
/// The format: two zero bytes, the element type (0x08 = unsigned byte, the only one MNIST-like data uses), the number
/// of dimensions, each dimension as a big-endian 32-bit integer, then the data in row-major order, and nothing after.
/// A gzip file's claimed size is checked against the size its trailer records (modulo 2³², per RFC 1952), so a
/// lying header fails before its data is allocated; the decompressed length is checked exactly as the data arrives.
/// </remarks>
internal static class IdxReader
{
    /// <summary>The element type code of unsigned bytes.</summary>
    public const byte UnsignedByte = 0x08;

    /// <summary>At most this many dimensions are accepted (MNIST-like files have one to three).</summary>
    public const int MaxDimensions = 4;

    /// <summary>Reads the file at <paramref name="path"/>; gzip is recognized by its magic bytes, not by the name.</summary>
    /// <exception cref="IdxFormatException">The file is not a valid unsigned-byte IDX file (raw or gzip).</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static IdxArray Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.OpenRead(path);
        long length = file.Length;
        Span<byte> magic = stackalloc byte[2];
        int got = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        if (got == 2 && magic[0] == 0x1F && magic[1] == 0x8B)
        {
            uint? recordedSize = GzipRecordedSize(file, length);
            file.Position = 0;
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            return Read(gzip, path, recordedSize, null);
        }
        return Read(file, path, null, length);
    }

    /// <summary>The uncompressed size modulo 2³² that a single-member gzip file records in its last four bytes.</summary>
    private static uint? GzipRecordedSize(FileStream file, long length)
    {
        if (length < 18) return null; // shorter than any gzip member: let decompression report it
        file.Position = length - 4;
        Span<byte> trailer = stackalloc byte[4];
        file.ReadExactly(trailer);
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    private static IdxArray Read(Stream stream, string path, uint? recordedSize, long? rawLength)
    {
        try
        {
            Span<byte> head = stackalloc byte[4];
            int got = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
            if (got == 0) throw new IdxFormatException(path, "the file is empty; an IDX file starts with 00 00 08 and the number of dimensions");
            if (got < 4) throw new IdxFormatException(path, $"truncated: the file ends after {got} bytes, inside the magic number");
            if (head[0] != 0 || head[1] != 0)
                throw new IdxFormatException(path, $"bad magic: expected 00 00 then the type and the number of dimensions, found {Convert.ToHexString(head)}; not an IDX file");
            if (head[2] != UnsignedByte)
                throw new IdxFormatException(path, $"unsupported element type 0x{head[2]:X2}; supported: 0x08 (unsigned byte)");
            int rank = head[3];
            if (rank is < 1 or > MaxDimensions)
                throw new IdxFormatException(path, $"{rank} dimensions; 1 to {MaxDimensions} are supported");

            var dimensionBytes = new byte[4 * rank];
            got = stream.ReadAtLeast(dimensionBytes, dimensionBytes.Length, throwOnEndOfStream: false);
            if (got < dimensionBytes.Length)
                throw new IdxFormatException(path, $"truncated: the header claims {rank} dimensions but the file ends inside them");
            var dimensions = new int[rank];
            long count = 1;
            for (int i = 0; i < rank; i++)
            {
                uint dimension = BinaryPrimitives.ReadUInt32BigEndian(dimensionBytes.AsSpan(4 * i));
                if (dimension > int.MaxValue)
                    throw new IdxFormatException(path, $"dimension {i} is {dimension}, beyond 2³¹ − 1");
                dimensions[i] = (int)dimension;
                count *= dimension;
                if (count > Array.MaxLength)
                    throw new IdxFormatException(path, $"the dimensions {string.Join(" × ", dimensions.Take(i + 1))} hold more than {Array.MaxLength} bytes");
            }
            if (count == 0)
                throw new IdxFormatException(path, $"the dimensions {string.Join(" × ", dimensions)} hold no data");

            long headerLength = 4 + 4L * rank;
            string shape = string.Join(" × ", dimensions);
            if (rawLength is long length && length != headerLength + count)
                throw new IdxFormatException(path, length < headerLength + count
                    ? $"truncated data: the header claims {shape} = {count} bytes but only {length - headerLength} follow"
                    : $"{length - headerLength - count} bytes follow the {shape} data; an IDX file ends with its data");
            if (recordedSize is uint size && size != (uint)(headerLength + count))
                throw new IdxFormatException(path, $"the header claims {shape} = {count} bytes of data, but the gzip trailer records {size} uncompressed bytes in all (header {headerLength})");

            var data = new byte[count];
            got = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
            if (got < data.Length)
                throw new IdxFormatException(path, $"truncated data: the header claims {shape} = {count} bytes but only {got} follow");
            if (stream.ReadByte() >= 0)
                throw new IdxFormatException(path, $"bytes follow the {shape} data; an IDX file ends with its data");
            return new IdxArray(dimensions, data);
        }
        catch (InvalidDataException e)
        {
            throw new IdxFormatException(path, $"the gzip stream is damaged: {e.Message}", e);
        }
    }
}
