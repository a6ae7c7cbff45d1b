namespace Ravine.IO;

/// <summary>
/// A NumPy array of rank 0, 1 or 2 held as doubles in row-major (C) order, whatever its order and element type
/// were on disk. A 1-D array of length n is seen as a column: <see cref="Rows"/> = n, <see cref="Columns"/> = 1;
/// a 0-D array (a NumPy scalar) has one element and <see cref="Rows"/> = <see cref="Columns"/> = 1.
/// </summary>
public sealed class NpyArray
{
    private readonly int[] _shape;

    /// <summary>Creates a float64 array; <paramref name="data"/> is used as is (not copied), in row-major order.</summary>
    /// <param name="data">The elements, row-major.</param>
    /// <param name="shape">Zero, one or two non-negative dimensions whose product is <c>data.Length</c>.</param>
    /// <exception cref="ArgumentException">The shape has more than two dimensions, a negative one, or does not match the data.</exception>
    public NpyArray(double[] data, params int[] shape)
        : this(data, shape, NpyDtype.Float64, bigEndian: false, fortranOrder: false)
    {
    }

    internal NpyArray(double[] data, int[] shape, NpyDtype dtype, bool bigEndian, bool fortranOrder)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        NpyShape.Check(shape, data.Length);
        Data = data;
        _shape = (int[])shape.Clone();
        Dtype = dtype;
        BigEndian = bigEndian;
        FortranOrder = fortranOrder;
    }

    /// <summary>The elements in row-major (C) order: element (i, j) of a 2-D array is <c>Data[i * Columns + j]</c>.</summary>
    public double[] Data { get; }

    /// <summary>The dimensions, as in NumPy's <c>shape</c> (empty for a scalar).</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of dimensions: 0, 1 or 2.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of rows: <c>shape[0]</c> for 1-D and 2-D arrays, 1 for a scalar.</summary>
    public int Rows => _shape.Length == 0 ? 1 : _shape[0];

    /// <summary>The number of columns: <c>shape[1]</c> for a 2-D array, 1 otherwise.</summary>
    public int Columns => _shape.Length == 2 ? _shape[1] : 1;

    /// <summary>The element type in the source (float64 for arrays built in code).</summary>
    internal NpyDtype Dtype { get; }

    /// <summary>Whether the source stored the elements big-endian.</summary>
    public bool BigEndian { get; }

    /// <summary>Whether the source stored the elements in column-major (Fortran) order; <see cref="Data"/> is row-major regardless.</summary>
    public bool FortranOrder { get; }

    /// <summary>The source dtype as NumPy spells it, e.g. <c>&lt;f8</c> or <c>&gt;i4</c>.</summary>
    public string Descr => NpyDescr.Format(Dtype, BigEndian);

    /// <summary>Element (row, column); for a 1-D array use column 0.</summary>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Rows, nameof(row));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)column, (uint)Columns, nameof(column));
            return Data[(long)row * Columns + column];
        }
    }

    /// <summary>The shape in NumPy's notation and the source dtype, e.g. <c>(2, 3) &lt;f8</c>.</summary>
    public override string ToString() => $"{NpyShape.Format(_shape)} {Descr}";
}
