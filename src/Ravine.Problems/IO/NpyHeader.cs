using System.Text;
using static Ravine.IO.PythonLiteral;

namespace Ravine.IO;

/// <summary>
/// The header dict of a .npy file — <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (2, 3), }</c> — parsed
/// and checked against what Ravine supports, or written the way <c>numpy.lib.format</c> writes it.
/// </summary>
/// <param name="Dtype">The element type.</param>
/// <param name="BigEndian">Whether the elements are stored big-endian.</param>
/// <param name="FortranOrder">Whether a 2-D array is stored column by column.</param>
/// <param name="Shape">The dimensions (none for a scalar).</param>
public sealed record NpyHeader(NpyDtype Dtype, bool BigEndian, bool FortranOrder, int[] Shape)
{
    /// <summary>The data offset is a multiple of this, as NumPy ≥ 1.14 writes it (so the data can be memory-mapped).</summary>
    internal const int Alignment = 64;

    /// <summary>NumPy leaves room for this many digits in the first (C order) dimension so the array can grow in place.</summary>
    private const int GrowthAxisMaxDigits = 21;

    /// <summary>
    /// Whether the data are little-endian float64 in C order, as <c>numpy.save</c> writes doubles by default: the
    /// layout a reader can take block by block without conversion.
    /// </summary>
    public bool IsLittleEndianFloat64InCOrder => Dtype == NpyDtype.Float64 && !BigEndian && !FortranOrder;

    private static readonly string[] Keys = ["descr", "fortran_order", "shape"];

    /// <summary>Parses the header text; <paramref name="fail"/> turns a problem into the exception to throw.</summary>
    internal static NpyHeader Parse(string text, Func<string, NpyFormatException> fail)
    {
        object? literal;
        try
        {
            literal = PythonLiteral.Parse(text);
        }
        catch (FormatException e)
        {
            throw fail($"the header is not a Python dict literal: {e.Message}");
        }
        catch (OverflowException e)
        {
            throw fail($"the header is out of range: {e.Message}");
        }
        if (literal is not Dictionary<string, object?> dict)
            throw fail($"the header is {TypeName(literal)}, not a dict");
        foreach (var key in Keys)
            if (!dict.ContainsKey(key))
                throw fail($"the header has no '{key}' key");
        foreach (var key in dict.Keys)
            if (!Keys.Contains(key))
                throw fail($"the header has an unexpected key '{key}' (expected exactly 'descr', 'fortran_order' and 'shape')");

        var (dtype, bigEndian) = ParseDescr(dict["descr"], fail);
        if (dict["fortran_order"] is not bool fortranOrder)
            throw fail($"'fortran_order' is {TypeName(dict["fortran_order"])}, not True or False");
        return new NpyHeader(dtype, bigEndian, fortranOrder, ParseShape(dict["shape"], fail));
    }

    private static (NpyDtype, bool) ParseDescr(object? descr, Func<string, NpyFormatException> fail)
    {
        if (descr is not string text)
            throw fail(descr is List<object?>
                ? $"structured dtypes are not supported; supported dtypes: {NpyDescr.Supported}"
                : $"'descr' is {TypeName(descr)}, not a dtype string");
        if (!NpyDescr.TryParse(text, out var dtype, out var bigEndian))
            throw fail($"unsupported dtype '{Printable(text)}'; supported dtypes: {NpyDescr.Supported}");
        return (dtype, bigEndian);
    }

    private static int[] ParseShape(object? value, Func<string, NpyFormatException> fail)
    {
        if (value is not PythonTuple { Items: var items } || items.Any(d => d is not long))
            throw fail($"'shape' is {TypeName(value)}, not a tuple of integers");
        var dims = items.Select(d => (long)d!).ToList();
        if (dims.Count > NpyShape.MaxRank)
            throw fail($"the array has {dims.Count} dimensions {NpyShape.Format(dims)}; only 1-D and 2-D arrays (and 0-D scalars) are supported");
        foreach (var d in dims)
        {
            if (d < 0)
                throw fail($"the shape {NpyShape.Format(dims)} has a negative dimension");
            if (d > Array.MaxLength)
                throw fail($"the shape {NpyShape.Format(dims)} has a dimension larger than {Array.MaxLength}");
        }
        return dims.Select(d => (int)d).ToArray();
    }

    /// <summary>
    /// The complete version 1.0 preamble for a little-endian float64 C-order array — magic, version, header length,
    /// header — byte for byte what <c>numpy.save</c> writes: sorted keys, NumPy's growth padding, spaces up to a
    /// multiple of <see cref="Alignment"/> bytes and a final newline.
    /// </summary>
    internal static byte[] FormatFloat64Version1(ReadOnlySpan<int> shape)
    {
        var dict = $"{{'descr': '<f8', 'fortran_order': False, 'shape': {NpyShape.Format(shape)}, }}";
        if (shape.Length > 0)
            dict += new string(' ', Math.Max(0, GrowthAxisMaxDigits - shape[0].ToString(System.Globalization.CultureInfo.InvariantCulture).Length));
        const int prefix = 6 + 2 + 2; // magic, version, u16 header length
        int unpadded = prefix + dict.Length + 1;
        int padding = Alignment - unpadded % Alignment; // NumPy pads a whole block rather than none
        var header = dict + new string(' ', padding) + "\n";
        var bytes = new byte[prefix + header.Length];
        NpyMagic.Bytes.CopyTo(bytes);
        bytes[6] = 1;
        bytes[7] = 0;
        bytes[8] = (byte)(header.Length & 0xFF);
        bytes[9] = (byte)(header.Length >> 8);
        Encoding.Latin1.GetBytes(header, bytes.AsSpan(prefix));
        return bytes;
    }

    private static string Printable(string s)
    {
        var shown = new string(s.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return s.Length > 40 ? shown + "…" : shown;
    }
}
