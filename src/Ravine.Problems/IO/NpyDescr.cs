namespace Ravine.IO;

/// <summary>The <c>descr</c> strings Ravine understands: float64, float32, int64 and int32, little or big endian.</summary>
internal static class NpyDescr
{
    public const string Supported = "<f8, >f8, <f4, >f4, <i8, >i8, <i4, >i4";

    public static bool TryParse(string descr, out NpyDtype dtype, out bool bigEndian)
    {
        dtype = default;
        bigEndian = descr.Length > 0 && descr[0] == '>';
        if (descr.Length != 3 || descr[0] is not ('<' or '>'))
            return false;
        switch (descr.AsSpan(1))
        {
            case "f8": dtype = NpyDtype.Float64; return true;
            case "f4": dtype = NpyDtype.Float32; return true;
            case "i8": dtype = NpyDtype.Int64; return true;
            case "i4": dtype = NpyDtype.Int32; return true;
            default: return false;
        }
    }

    public static string Format(NpyDtype dtype, bool bigEndian) => (bigEndian ? ">" : "<") + dtype switch
    {
        NpyDtype.Float64 => "f8",
        NpyDtype.Float32 => "f4",
        NpyDtype.Int64 => "i8",
        NpyDtype.Int32 => "i4",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    public static int ItemSize(NpyDtype dtype) => dtype is NpyDtype.Float64 or NpyDtype.Int64 ? 8 : 4;
}
