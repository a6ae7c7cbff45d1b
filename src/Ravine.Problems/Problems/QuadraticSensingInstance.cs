using Ravine.Instances;
using Ravine.IO;

namespace Ravine.Problems;

/// <summary>
/// The quadratic-sensing instance folder: <c>A.npy</c> and <c>B.npy</c>, the sensing vectors as rows, shape (m, d)
/// each; <c>y.npy</c>, the measurements, shape (m,); optionally <c>x0.npy</c>, the start, shape (d, k) (absent: k = 4,
/// the published width, and the start is drawn from the seed); optionally <c>truth.npy</c>, the truth X♮, shape (d, c)
/// with c ≤ k (absent: the distance to the solution set is unknown and reported as NaN); optionally the held-out
/// measurements <c>A_heldout.npy</c>, <c>B_heldout.npy</c> (M, d) and <c>y_heldout.npy</c> (M,), used as validation data;
/// optionally <c>noise.npy</c>, shape (1,), the σ of the measurement noise (present and positive: f* is unknown).
/// </summary>
internal sealed class QuadraticSensingInstance : InstanceFormat<QuadraticSensing>
{
    /// <inheritdoc />
    public override string Problem => "quadratic-sensing";

    /// <inheritdoc />
    public override IReadOnlyList<InstanceFile> Files { get; } =
    [
        new("A.npy", "(m, d)", Required: true, "the sensing vectors aᵢ as rows"),
        new("B.npy", "(m, d)", Required: true, "the sensing vectors bᵢ as rows"),
        new("y.npy", "(m,)", Required: true, "the measurements yᵢ = ‖aᵢᵀX♮‖² − ‖bᵢᵀX♮‖²"),
        new("x0.npy", "(d, k)", Required: false, "the start X0 (absent: k = 4, drawn from the seed)"),
        new("truth.npy", "(d, r)", Required: false, "the truth X♮, r ≤ k (absent: distances are NaN)"),
        new("A_heldout.npy", "(M, d)", Required: false, "held-out sensing vectors aᵢ, the validation data (with B_heldout.npy and y_heldout.npy)"),
        new("B_heldout.npy", "(M, d)", Required: false, "held-out sensing vectors bᵢ"),
        new("y_heldout.npy", "(M,)", Required: false, "held-out measurements"),
        new("noise.npy", "(1,)", Required: false, "σ of the measurement noise (absent or 0: exact, f* = 0; else f* unknown)"),
    ];

    /// <summary>
    /// A and B together above this many bytes (4 GiB: m·d above 2.7·10⁸, e.g. m = 10⁶ at d = 1,000) are streamed from
    /// the files block by block (<see cref="NpySensingRows"/>) instead of read into memory.
    /// </summary>
    public const long StreamingBytes = 4L << 30;

    /// <inheritdoc />
    public override ITestProblem Load(InstanceFolder folder, ulong seed) => Load(folder, seed, StreamingBytes);

    /// <summary>
    /// Loads the instance; sensing data (A and B, training or held-out) larger than <paramref name="streamingBytes"/>
    /// is streamed from the files rather than read into memory (the values are bit-identical either way).
    /// </summary>
    internal static QuadraticSensing Load(InstanceFolder folder, ulong seed, long streamingBytes)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var rows = ReadRows(folder, "A.npy", "B.npy", "y.npy", streamingBytes, null);
        var extras = QuadraticSensingExtras.Read(folder, rows.Count, rows.Dimension, seed, streamingBytes);
        // The held-out problem shares the truth and the start; the instance gets its own copies.
        return new QuadraticSensing(rows, extras.Width, extras.TruthWidth, (double[]?)extras.Truth?.Clone(), (double[])extras.Start.Clone(), extras.Noise, extras.HeldOut);
    }

    /// <summary>The rows of one A, B, y triple: in memory, or streamed when A and B exceed <paramref name="streamingBytes"/>.</summary>
    internal static SensingRows ReadRows(InstanceFolder folder, string aFile, string bFile, string yFile, long streamingBytes, int? dimension)
    {
        bool held = dimension is not null;
        if (Size(folder, aFile) is { } shape && shape.Length == 2 && 16L * shape[0] * shape[1] > streamingBytes)
        {
            var streamed = NpySensingRows.Open(folder.Path, aFile: aFile, bFile: bFile, yFile: yFile);
            if (held && streamed.Dimension != dimension)
                throw new InstanceDataException(folder.FilePath(aFile), $"shape ({streamed.Count}, {streamed.Dimension}), expected (M, {dimension}): held-out vectors aᵢ as rows like A");
            return streamed;
        }
        var a = folder.Read(aFile, rank: 2);
        var b = folder.Read(bFile, rank: 2);
        var y = folder.Read(yFile, rank: 1);
        int m = a.Rows, d = a.Columns;
        // A and B must have one shape. When they differ and B agrees with y (and with A.npy's width, for held-out data),
        // A is the odd one out, most often saved transposed: name A, not B.
        if (b.Rows == y.Rows && (b.Rows != m || b.Columns != d) && (dimension is null || b.Columns == dimension))
            folder.Expect(aFile, a, [b.Rows, b.Columns], $"the vectors aᵢ as rows like {bFile}, which has shape {InstanceFolder.Format(b.Shape)}, with one row per entry of {yFile}" +
                (a.Rows == b.Columns && a.Columns == b.Rows ? $"; {aFile} looks transposed (save A, not A.T)" : ""));
        if (held)
            folder.Expect(aFile, a, [m, dimension!.Value], $"held-out vectors aᵢ as rows like A, and A.npy has {dimension} columns");
        string fromA = $"{aFile} has shape {InstanceFolder.Format(a.Shape)}";
        folder.Expect(bFile, b, [m, d], held ? $"held-out vectors bᵢ as rows, as many as {aFile} has" : $"B holds the vectors bᵢ as rows like A, and {fromA}");
        folder.Expect(yFile, y, [m], held ? $"one held-out measurement per row of {aFile}" : $"one measurement per row of A, and {fromA}");
        return new InMemorySensingRows(m, d, a.Data, b.Data, y.Data);
    }

    // The shape in a file's header, or null when it cannot be read (then the full read reports why).
    private static int[]? Size(InstanceFolder folder, string file)
    {
        try
        {
            using var stream = new FileStream(folder.FilePath(file), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            return NpyReader.ReadHeader(stream, folder.FilePath(file)).Header.Shape;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NpyFormatException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    protected override void Save(QuadraticSensing problem, InstanceFolder folder)
    {
        int m = problem.MeasurementCount, d = problem.AmbientDimension, k = problem.Width;
        folder.Write("A.npy", problem.A, m, d);
        folder.Write("B.npy", problem.B, m, d);
        folder.Write("y.npy", problem.Y, m);
        folder.Write("x0.npy", problem.Start, d, k);
        if (problem.Truth is { } padded)
        {
            // The truth with its real rank, as matrix factorization saves it: (d, r), not zero-padded to (d, k).
            int c = problem.TruthWidth;
            var truth = new double[d * c];
            for (int j = 0; j < d; j++) Array.Copy(padded, j * k, truth, j * c, c);
            folder.Write("truth.npy", truth, d, c);
        }
        else
            File.Delete(folder.FilePath("truth.npy")); // a stale X♮ of another instance would give wrong distances
        // Stale held-out data or noise level of another instance would validate against the wrong truth.
        if (problem.HeldOut is { } held)
        {
            folder.Write("A_heldout.npy", held.A, held.MeasurementCount, d);
            folder.Write("B_heldout.npy", held.B, held.MeasurementCount, d);
            folder.Write("y_heldout.npy", held.Y, held.MeasurementCount);
        }
        else
            foreach (string name in new[] { "A_heldout.npy", "B_heldout.npy", "y_heldout.npy" }) File.Delete(folder.FilePath(name));
        if (problem.Noise > 0) folder.Write("noise.npy", [problem.Noise], 1);
        else File.Delete(folder.FilePath("noise.npy"));
    }
}
