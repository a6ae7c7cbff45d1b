namespace Ravine.Instances;

/// <summary>One .npy file of a problem's instance folder, for documentation and help text.</summary>
/// <param name="Name">The file name, e.g. <c>A.npy</c>.</param>
/// <param name="Shape">The expected shape in NumPy's notation with symbolic sizes, e.g. <c>(m, d)</c>.</param>
/// <param name="Required">Whether loading fails without it.</param>
/// <param name="Meaning">What the array is, and what its absence means for an optional file.</param>
public sealed record InstanceFile(string Name, string Shape, bool Required, string Meaning);
