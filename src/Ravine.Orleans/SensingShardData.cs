using System.Globalization;
using Ravine.Instances;
using Ravine.IO;
using Ravine.Problems;

namespace Ravine.Orleans;

/// <summary>
/// Where a quadratic-sensing shard gets its rows: the instance (seeded, or a folder of .npy files as
/// <c>ravine run --data</c> reads it) and the block of measurements [<see cref="RowStart"/>, <see cref="RowEnd"/>) the
/// shard owns. Small and serializable: a coordinator sends it, and the silo that hosts the shard reads or generates
/// the rows itself, so the data never crosses the network.
/// </summary>
/// <remarks>
/// <para>
/// Everything about how a shard's rows come to be is in this class: <see cref="Load"/> on the silo,
/// <see cref="Describe"/> on the coordinator (sizes, truth, start, noise, held-out data: what a run needs besides the
/// rows), and <see cref="Split"/>, the partition.
/// </para>
/// <para>
/// The published seeded instance (<see cref="Seeded"/>, <c>run --shards</c> without <c>--size</c>) is generated whole
/// (<see cref="QuadraticSensing.Generate"/>) and sliced, on every silo and on the coordinator: bit for bit the instance
/// a local run draws, and as large as it. The block-seeded instance (<see cref="SeededAt"/>, <c>run --shards --size</c>,
/// the instance <c>run --size</c> and <c>ravine generate</c> draw) is drawn block by block from the seed alone: a shard
/// generates only its own rows, and the coordinator only the truth and the start.
/// A folder's A.npy, B.npy and y.npy are read for the shard's rows only, by the reader that streams the large instances
/// of <c>ravine run --data</c> (<c>NpySensingRows</c>; little-endian float64 in C order, which is what NumPy and
/// <c>ravine generate</c> write; other layouts are read whole and sliced). Every silo must see
/// the folder at the same path (a shared or replicated file system).
/// </para>
/// </remarks>
[GenerateSerializer]
[Immutable]
public sealed record SensingShardData
{
    /// <summary>The seed of a generated instance, or of the start when a folder has no x0.npy.</summary>
    [Id(0)] public ulong Seed { get; init; }

    /// <summary>The folder of .npy files (an absolute path), or null for a seeded instance.</summary>
    [Id(1)] public string? Folder { get; init; }

    /// <summary>d, the ambient dimension.</summary>
    [Id(2)] public int Dimension { get; init; }

    /// <summary>r, the rank of a seeded instance's truth (0 for a folder).</summary>
    [Id(3)] public int Rank { get; init; }

    /// <summary>k, the width of the factor X.</summary>
    [Id(4)] public int Width { get; init; }

    /// <summary>m, the measurements of the whole instance.</summary>
    [Id(5)] public int Measurements { get; init; }

    /// <summary>The first row of the shard.</summary>
    [Id(6)] public int RowStart { get; init; }

    /// <summary>One past the last row of the shard.</summary>
    [Id(7)] public int RowEnd { get; init; }

    /// <summary>The shard's index, 0-based (also part of <see cref="Key"/>; it places the shard on a silo).</summary>
    [Id(8)] public int Shard { get; init; }

    /// <summary>The number of shards of the partition.</summary>
    [Id(9)] public int Shards { get; init; } = 1;

    /// <summary>
    /// Whether a seeded instance is the block-seeded one (<see cref="SeededAt"/>) rather than the published generator's.
    /// </summary>
    [Id(10)] public bool BlockSeeded { get; init; }

    /// <summary>The rows the shard owns.</summary>
    public int Rows => RowEnd - RowStart;

    /// <summary>
    /// The most entries (rows × d) of A or of B a shard holds in memory: 2 GiB each, as for an instance generated in
    /// memory by a local run.
    /// </summary>
    public const long MaxShardEntries = 1L << 28;

    /// <summary>
    /// The fewest shards <see cref="Split"/> may cut this instance into: for the block-seeded instance, whose shards
    /// hold their rows in memory, the fewest whose largest shard stays within <see cref="MaxShardEntries"/> entries
    /// (<see cref="int.MaxValue"/> when not even one row fits); 1 for the others.
    /// </summary>
    public int FewestShards
    {
        get
        {
            if (!BlockSeeded) return 1;
            long blocksPerShard = MaxShardEntries / Dimension / QuadraticSensing.RowBlock;
            // Split's largest shard has ⌈B/N⌉ of the B blocks, so N shards fit when N ≥ ⌈B / blocksPerShard⌉.
            long blocks = SensingPartial.BlockCount(Measurements);
            return blocksPerShard == 0 ? int.MaxValue : (int)((blocks + blocksPerShard - 1) / blocksPerShard);
        }
    }

    /// <summary>
    /// The block-seeded instance of these sizes, as one shard: the instance <c>ravine run --size</c> generates and
    /// <c>ravine generate quadratic-sensing</c> writes, bit for bit, whose rows each shard draws from the seed alone.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1 or the rank exceeds the width.</exception>
    public static SensingShardData SeededAt(ulong seed, int dimension, int rank, int width, int measurements) =>
        Seeded(seed, dimension, rank, width, measurements) with { BlockSeeded = true };

    /// <summary>The whole published-size seeded instance (or another size), as one shard.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1 or the rank exceeds the width.</exception>
    public static SensingShardData Seeded(ulong seed, int dimension = QuadraticSensing.PublishedDimension, int rank = QuadraticSensing.PublishedRank,
        int width = QuadraticSensing.PublishedWidth, int measurements = QuadraticSensing.PublishedMeasurements)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, rank);
        ArgumentOutOfRangeException.ThrowIfLessThan(measurements, 1);
        return new() { Seed = seed, Dimension = dimension, Rank = rank, Width = width, Measurements = measurements, RowEnd = measurements };
    }

    /// <summary>
    /// The instance in a quadratic-sensing folder (the files of <c>ravine run --data</c>), as one shard. Only the headers
    /// of A.npy, B.npy and y.npy are read here; x0.npy (or its absence: k = 4) sets k.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="seed">Seeds the start when the folder has no x0.npy.</param>
    /// <exception cref="InstanceDataException">A file is missing or the shapes do not fit together.</exception>
    /// <exception cref="NpyFormatException">A file is not a valid .npy file.</exception>
    public static SensingShardData FromFolder(string folder, ulong seed = ProblemRegistry.DefaultSeed)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string path = Path.GetFullPath(folder);
        if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"{folder}: no such folder");
        var a = Npy.ReadHeader(Required(path, "A.npy"));
        if (a.Shape.Length != 2)
            throw new InstanceDataException(Path.Combine(path, "A.npy"), $"shape {NpyShape.Format(a.Shape)}, expected (m, d)");
        int m = a.Shape[0], d = a.Shape[1];
        var b = Npy.ReadHeader(Required(path, "B.npy"));
        if (!b.Shape.SequenceEqual([m, d]))
            throw new InstanceDataException(Path.Combine(path, "B.npy"), $"shape {NpyShape.Format(b.Shape)}, expected ({m}, {d}) like A.npy");
        var y = Npy.ReadHeader(Required(path, "y.npy"));
        if (!y.Shape.SequenceEqual([m]))
            throw new InstanceDataException(Path.Combine(path, "y.npy"), $"shape {NpyShape.Format(y.Shape)}, expected ({m},): one measurement per row of A.npy");
        int k = QuadraticSensing.PublishedWidth;
        string x0 = Path.Combine(path, "x0.npy");
        if (File.Exists(x0))
        {
            var start = Npy.ReadHeader(x0);
            if (start.Shape.Length != 2 || start.Shape[0] != d)
                throw new InstanceDataException(x0, $"shape {NpyShape.Format(start.Shape)}, expected (d, k) with d = {d}");
            k = start.Shape[1];
        }
        return new() { Seed = seed, Folder = path, Dimension = d, Width = k, Measurements = m, RowEnd = m };
    }

    /// <summary>
    /// The rows cut into at most <paramref name="shards"/> shards of whole blocks of <see cref="QuadraticSensing.RowBlock"/>
    /// rows, contiguous in row order and as equal as can be (the first ones a block longer); only the last shard's last
    /// block may be short. With fewer blocks than shards there is one shard per block: a block is the unit the
    /// single-process oracle adds, and cutting one would change the bits. The partition is a function of m and N alone.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one shard.</exception>
    public IReadOnlyList<SensingShardData> Split(int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        int blocks = SensingPartial.BlockCount(Rows);
        int count = Math.Min(shards, blocks), size = blocks / count, longer = blocks % count, start = RowStart;
        var parts = new SensingShardData[count];
        for (int s = 0; s < count; s++)
        {
            int end = (int)Math.Min(RowEnd, start + (long)(size + (s < longer ? 1 : 0)) * QuadraticSensing.RowBlock);
            parts[s] = this with { RowStart = start, RowEnd = end, Shard = s, Shards = count };
            start = end;
        }
        return parts;
    }

    /// <summary>
    /// The grain key of the shard: the instance, the rows and the shard's place in the partition. Equal keys hold equal
    /// rows, so two runs of the same partition share the shards' grains.
    /// </summary>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"quadratic-sensing|{(Folder is not null ? $"folder={Folder};seed={Seed}" : BlockSeeded ? $"block-seed={Seed};r={Rank}" : $"seed={Seed};r={Rank}")};d={Dimension};k={Width};m={Measurements};rows={RowStart}-{RowEnd}#{Shard}/{Shards}");

    /// <summary>The shard's place in the partition, read back from a <see cref="Key"/>.</summary>
    internal static int ShardOfKey(string key)
    {
        int hash = key.LastIndexOf('#'), slash = key.LastIndexOf('/');
        return hash >= 0 && slash > hash && int.TryParse(key.AsSpan(hash + 1, slash - hash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int shard) ? shard : 0;
    }

    /// <summary>What the shard holds, for messages.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"rows {RowStart}–{RowEnd - 1} of {(Folder is not null ? Folder : BlockSeeded ? $"the block-seeded seed-{Seed} instance" : $"the seed-{Seed} instance")}");

    /// <summary>The shard's rows as an instance of their own: f is the mean over them. Runs where the shard lives.</summary>
    /// <exception cref="InstanceDataException">A file changed shape since <see cref="FromFolder"/>.</exception>
    public QuadraticSensing Load()
    {
        int d = Dimension, rows = Rows;
        if (rows < 1) throw new InvalidOperationException($"The shard {Description} holds no rows.");
        if (Folder is null && BlockSeeded)
        {
            if ((long)rows * d > MaxShardEntries)
                throw new InvalidOperationException($"The shard {Description} would hold {(long)rows * d:N0} entries of A and of B in memory, more than {MaxShardEntries:N0}; cut the instance into more shards.");
            var family = new BlockSeededSensing(Seed, d, Rank, Width);
            // As for the other kinds, the start does not matter to a shard, and the truth is the coordinator's.
            return new QuadraticSensing(family.Rows(RowStart, RowEnd).ToMemory(Environment.ProcessorCount), Width, 0, null, new double[d * Width], 0, null);
        }
        double[] a, b, y;
        if (Folder is null)
        {
            // Generated whole and sliced: see the remarks of the type.
            var whole = QuadraticSensing.Generate(Seed, d, Rank, Width, Measurements);
            a = whole.A.AsSpan(RowStart * d, rows * d).ToArray();
            b = whole.B.AsSpan(RowStart * d, rows * d).ToArray();
            y = whole.Y.AsSpan(RowStart, rows).ToArray();
        }
        else
        {
            string aPath = Path.Combine(Folder, "A.npy"), bPath = Path.Combine(Folder, "B.npy"), yPath = Path.Combine(Folder, "y.npy");
            var aHeader = Expect(aPath, [Measurements, d]);
            var bHeader = Expect(bPath, [Measurements, d]);
            Expect(yPath, [Measurements]);
            if (aHeader.IsLittleEndianFloat64InCOrder && bHeader.IsLittleEndianFloat64InCOrder)
            {
                // The reader of `run --data`'s large instances, for the shard's rows only.
                using var source = NpySensingRows.Open(Folder, RowStart, RowEnd);
                return new QuadraticSensing(source.ToMemory(), Width, 0, null, new double[d * Width], 0, null);
            }
            // Another dtype, byte order or layout: the full reader converts it, and the rows are cut from the whole.
            a = Npy.Read(aPath).Data.AsSpan(RowStart * d, rows * d).ToArray();
            b = Npy.Read(bPath).Data.AsSpan(RowStart * d, rows * d).ToArray();
            y = Npy.Read(yPath).Data.AsSpan(RowStart, rows).ToArray();
        }
        // The start does not matter to a shard (it is only evaluated), and a fixed one costs nothing to draw.
        return new QuadraticSensing(rows, d, Width, a, b, y, start: new double[d * Width]);
    }

    /// <summary>
    /// What a run needs of the instance besides its rows, read or drawn exactly as a local run's
    /// (<see cref="QuadraticSensingExtras.Read(string, int, int, ulong)"/> or <see cref="ProblemRegistry.Generate"/>) does:
    /// the truth, the start, the noise level and any held-out measurements. Runs on the coordinator.
    /// </summary>
    /// <exception cref="InstanceDataException">A folder's file has the wrong shape or values, or x0.npy changed width since <see cref="FromFolder"/>.</exception>
    public SensingInstance Describe()
    {
        int d = Dimension, k = Width;
        if (Folder is null && BlockSeeded)
        {
            var family = new BlockSeededSensing(Seed, d, Rank, k);
            return new SensingInstance(Measurements, d, k, family.PaddedTruth, Rank, family.Start, 0, null);
        }
        if (Folder is null)
        {
            var whole = QuadraticSensing.Generate(Seed, d, Rank, k, Measurements);
            return new SensingInstance(Measurements, d, k, whole.Truth, whole.TruthWidth, whole.Start, 0, null);
        }
        // The reader of a local run, which also checks the files; held-out data are for judging steps, not sharded.
        var extras = QuadraticSensingExtras.Read(Folder, Measurements, d, Seed);
        if (extras.Width != k)
            throw new InstanceDataException(Path.Combine(Folder, "x0.npy"), $"k = {extras.Width} columns, expected {k} as when the run began: the file changed");
        return new SensingInstance(Measurements, d, k, extras.Truth, extras.TruthWidth, extras.Start, extras.Noise, extras.HeldOut);
    }

    private static string Required(string folder, string file)
    {
        string path = Path.Combine(folder, file);
        return File.Exists(path) ? path : throw new InstanceDataException(path, "missing: a quadratic-sensing folder holds A.npy, B.npy and y.npy");
    }

    /// <summary>The header of <paramref name="path"/>, which must still have the shape <paramref name="shape"/> it had when the run began.</summary>
    private static NpyHeader Expect(string path, int[] shape)
    {
        if (!File.Exists(path)) throw new InstanceDataException(path, "missing: it was there when the run began");
        var header = Npy.ReadHeader(path);
        if (!header.Shape.SequenceEqual(shape))
            throw new InstanceDataException(path, $"shape {NpyShape.Format(header.Shape)}, expected {NpyShape.Format(shape)} as when the run began: the file changed");
        return header;
    }
}

/// <summary>
/// What a sharded quadratic-sensing run needs of the instance besides its rows (see <see cref="SensingShardData.Describe"/>).
/// </summary>
/// <param name="Measurements">m.</param>
/// <param name="Dimension">d.</param>
/// <param name="Width">k.</param>
/// <param name="Truth">X♮ zero-padded to d×k, or null when unknown.</param>
/// <param name="TruthWidth">The columns of X♮ before padding (0 when unknown).</param>
/// <param name="Start">X0, d×k row-major.</param>
/// <param name="Noise">σ of the measurement noise (0: exact, f* = 0).</param>
/// <param name="HeldOut">Held-out measurements, evaluated on the coordinator as validation data; or null.</param>
public sealed record SensingInstance(int Measurements, int Dimension, int Width, double[]? Truth, int TruthWidth, double[] Start, double Noise, QuadraticSensing? HeldOut);
