using System.Buffers.Binary;

namespace Ravine.IO;

/// <summary>Writes one array as .npy version 1.0, little-endian float64 in C order, exactly as <c>numpy.save</c> would.</summary>
internal static class NpyWriter
{
    public static void Write(Stream stream, ReadOnlySpan<double> data, ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(stream);
        NpyShape.Check(shape, data.Length);
        stream.Write(NpyHeader.FormatFloat64Version1(shape));
        Span<byte> buffer = stackalloc byte[4096];
        while (!data.IsEmpty)
        {
            int n = Math.Min(data.Length, buffer.Length / 8);
            for (int i = 0; i < n; i++)
                BinaryPrimitives.WriteDoubleLittleEndian(buffer[(8 * i)..], data[i]);
            stream.Write(buffer[..(8 * n)]);
            data = data[n..];
        }
    }
}
