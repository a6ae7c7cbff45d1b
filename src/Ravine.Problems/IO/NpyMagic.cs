namespace Ravine.IO;

/// <summary>The six bytes every .npy file starts with: <c>\x93NUMPY</c>.</summary>
internal static class NpyMagic
{
    public static ReadOnlySpan<byte> Bytes => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
}
