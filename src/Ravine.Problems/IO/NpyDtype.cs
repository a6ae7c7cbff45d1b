namespace Ravine.IO;

/// <summary>The element types the .npy reader accepts; every one is converted to <see cref="double"/> on reading.</summary>
public enum NpyDtype
{
    /// <summary>IEEE double, <c>f8</c>.</summary>
    Float64,
    /// <summary>IEEE single, <c>f4</c> (widened exactly).</summary>
    Float32,
    /// <summary>Signed 64-bit integer, <c>i8</c> (rounded to the nearest double beyond ±2⁵³).</summary>
    Int64,
    /// <summary>Signed 32-bit integer, <c>i4</c> (converted exactly).</summary>
    Int32,
}
