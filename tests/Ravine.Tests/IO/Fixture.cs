namespace Ravine.Tests.IO;

/// <summary>The committed .npy files (made by Fixtures/make_fixtures.py) and scratch folders for written ones.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "IO", "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    /// <summary>The logical 2-D array every dtype fixture holds, as the reader must return it.</summary>
    public static double[] Expected(string dtype) => dtype switch
    {
        "f8" => [0.1, -2.5, 1e300, -0.0, 5e-324, 3.141592653589793],
        "f4" => [0.1f, -2.5, 3.25, -0.0, 1e-45f, 16777216.0],
        "i8" => [1, -2, 9007199254740992, -4611686018427387904, long.MaxValue, 0],
        "i4" => [1, -2, 3, int.MaxValue, int.MinValue, 0],
        _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
    };
}

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ravine-io-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
