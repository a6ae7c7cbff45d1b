using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Ravine.Instances;
using Ravine.IO;

namespace Ravine.Problems;

/// <summary>
/// Rows read block by block from an instance folder's <c>A.npy</c> and <c>B.npy</c> (little-endian float64, C order,
/// shape (m, d)) with positioned reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>) into the
/// caller's buffers; <c>y.npy</c> (m,) is held in memory (8 bytes a row). Neither file is memory-mapped, so the
/// process's resident memory holds a few blocks of rows, not the files (the operating system may still cache them
/// as page cache, which it evicts at need). Thread-safe.
/// </summary>
/// <remarks>
/// Opening checks the headers, the shapes and the file sizes (truncated or over-long files are refused) and that y
/// is finite; the entries of A and B are not read up front — a block whose Σ rᵢ² comes out non-finite is searched for
/// a NaN or ±∞, which is reported with its file and row. The file handles stay open for the life of the source.
/// </remarks>
public sealed class NpySensingRows : SensingRows, IDisposable
{
    private readonly SafeFileHandle _a, _b;
    private readonly string _aPath, _bPath;
    private readonly long _aData, _bData; // byte offsets of row 0 of the range
    private readonly double[] _y;
    private readonly int _firstRow;

    private NpySensingRows(int firstRow, int count, int dimension, SafeFileHandle a, string aPath, long aData, SafeFileHandle b, string bPath, long bData, double[] y)
        : base(count, dimension)
    {
        (_firstRow, _a, _aPath, _aData, _b, _bPath, _bData, _y) = (firstRow, a, aPath, aData, b, bPath, bData, y);
    }

    /// <summary>Closes the files, for a caller that reads the rows once (<see cref="SensingRows.ToMemory"/>) and drops the source.</summary>
    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    /// <inheritdoc />
    public override string Origin => $"streamed from {_aPath} and {_bPath}";

    /// <summary>
    /// Opens rows [<paramref name="firstRow"/>, <paramref name="endRow"/>) of the files <paramref name="aFile"/>,
    /// <paramref name="bFile"/> and <paramref name="yFile"/> in <paramref name="folder"/> (endRow null: to the last row).
    /// </summary>
    /// <exception cref="InstanceDataException">A file is missing, the shapes do not fit together, y holds NaN or ±∞, or the row range lies outside the files.</exception>
    /// <exception cref="NpyFormatException">A file is not a valid .npy file, is truncated or over-long, or is not little-endian float64 in C order.</exception>
    public static NpySensingRows Open(string folder, int firstRow = 0, int? endRow = null, string aFile = "A.npy", string bFile = "B.npy", string yFile = "y.npy")
    {
        var instance = new InstanceFolder(folder);
        var (a, aHeader, aData) = OpenMatrix(instance, aFile);
        try
        {
            var (b, bHeader, bData) = OpenMatrix(instance, bFile);
            try
            {
                int m = aHeader.Shape[0], d = aHeader.Shape[1];
                if (bHeader.Shape[0] != m || bHeader.Shape[1] != d)
                    throw new InstanceDataException(instance.FilePath(bFile), $"shape {NpyShape.Format(bHeader.Shape)}, expected ({m}, {d}): B holds the vectors bᵢ as rows like A, and {aFile} has shape {NpyShape.Format(aHeader.Shape)}");
                var y = instance.Read(yFile, rank: 1);
                instance.Expect(yFile, y, [m], $"one measurement per row of A, and {aFile} has shape {NpyShape.Format(aHeader.Shape)}");
                int end = endRow ?? m;
                if (firstRow < 0 || end > m || firstRow >= end)
                    throw new InstanceDataException(instance.FilePath(aFile), $"rows [{firstRow}, {end}) asked for, but the file holds rows [0, {m})");
                long skip = (long)firstRow * d * sizeof(double);
                return new NpySensingRows(firstRow, end - firstRow, d, a, instance.FilePath(aFile), aData + skip, b, instance.FilePath(bFile), bData + skip, y.Data[firstRow..end]);
            }
            catch
            {
                b.Dispose();
                throw;
            }
        }
        catch
        {
            a.Dispose();
            throw;
        }
    }

    private static (SafeFileHandle Handle, NpyHeader Header, long DataOffset) OpenMatrix(InstanceFolder folder, string file)
    {
        string path = folder.FilePath(file);
        if (!Directory.Exists(folder.Path))
            throw new InstanceDataException(folder.Path, "no such folder");
        if (!File.Exists(path))
            throw new InstanceDataException(path, "missing; the instance folder must hold it");
        NpyHeader header;
        long offset, length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            (header, offset) = NpyReader.ReadHeader(stream, path);
            length = stream.Length;
        }
        if (!header.IsLittleEndianFloat64InCOrder)
            throw new NpyFormatException(path, $"dtype {NpyDescr.Format(header.Dtype, header.BigEndian)}{(header.FortranOrder ? " in Fortran order" : "")}; a file read block by block must hold little-endian float64 in C order ('<f8', fortran_order False): convert it with numpy.save(path, numpy.ascontiguousarray(a, dtype='<f8'))");
        if (header.Shape.Length != 2)
            throw new InstanceDataException(path, $"{header.Shape.Length}-D array of shape {NpyShape.Format(header.Shape)}, expected a 2-D array (a matrix)");
        long expected = (long)header.Shape[0] * header.Shape[1] * sizeof(double), found = length - offset;
        if (found < expected)
            throw new NpyFormatException(path, $"truncated data: expected {expected} bytes of data for shape {NpyShape.Format(header.Shape)} of <f8, found {found}");
        if (found > expected)
            throw new NpyFormatException(path, $"{found - expected} bytes follow the {expected} bytes of data for shape {NpyShape.Format(header.Shape)} of <f8; the header's shape does not match the data");
        if (header.Shape[0] < 1 || header.Shape[1] < 1)
            throw new InstanceDataException(path, $"shape {NpyShape.Format(header.Shape)}, expected at least one row and one column");
        // Sequential: a call reads the blocks in order, so the kernel's read-ahead fetches the next block during the
        // arithmetic on this one.
        return (File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan), header, offset);
    }

    /// <inheritdoc />
    protected override void ReadRows(int start, int count, Span<double> a, Span<double> b, Span<double> y)
    {
        long offset = (long)start * Dimension * sizeof(double);
        ReadExactly(_a, _aPath, MemoryMarshal.AsBytes(a), _aData + offset);
        ReadExactly(_b, _bPath, MemoryMarshal.AsBytes(b), _bData + offset);
        _y.AsSpan(start, count).CopyTo(y);
        if (!BitConverter.IsLittleEndian)
        {
            var av = MemoryMarshal.Cast<double, long>(a);
            var bv = MemoryMarshal.Cast<double, long>(b);
            BinaryPrimitives.ReverseEndianness(av, av);
            BinaryPrimitives.ReverseEndianness(bv, bv);
        }
    }

    private static void ReadExactly(SafeFileHandle handle, string path, Span<byte> target, long offset)
    {
        while (!target.IsEmpty)
        {
            int got = RandomAccess.Read(handle, target, offset);
            if (got == 0)
                throw new NpyFormatException(path, $"the file ended at byte {offset} while it was being read; it was truncated after it was opened");
            target = target[got..];
            offset += got;
        }
    }

    /// <inheritdoc />
    public override void CheckFinite(int start, int count, SensingRowBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        int d = Dimension;
        for (int i = 0; i < count * d; i++)
        {
            if (!double.IsFinite(buffer.A[i]))
                throw new InstanceDataException(_aPath, $"entry ({FileRow(start + i / d)}, {i % d}) is {buffer.A[i]}; instance data must be finite");
            if (!double.IsFinite(buffer.B[i]))
                throw new InstanceDataException(_bPath, $"entry ({FileRow(start + i / d)}, {i % d}) is {buffer.B[i]}; instance data must be finite");
        }
    }

    // The row as the file numbers it, when the source is a row range that starts further in.
    private long FileRow(int row) => (long)row + _firstRow;
}
