using Ravine.Randomness;

namespace Ravine.Problems;

/// <summary>
/// The block-seeded quadratic-sensing family for large instances: any row range is generated on its own, on every
/// machine bit for bit, without drawing the rows before it — so m = 10⁶ rows can be streamed to disk block by block,
/// or a shard can generate just its rows [a, b). Its stream differs from <see cref="QuadraticSensing.Generate"/>'s (the
/// published instance, which draws A and B from one generator, stays as it is).
/// </summary>
/// <remarks>
/// <para>
/// From <see cref="Xoshiro256StarStar"/>(seed): G ∈ R^{d×r} standard normal, then X0 ∈ R^{d×k}, each row-major; X♮ =
/// G/‖G‖_F and X0 ← X0/‖X0‖_F. Row i (i = 0, 1, … without end) belongs to block ⌊i/1024⌋ (<see cref="QuadraticSensing.RowBlock"/>);
/// block j draws from its own Xoshiro256StarStar(<see cref="BlockSeed"/>(seed, j)), row after row: aᵢ (d normals),
/// bᵢ (d normals), εᵢ (one normal, drawn whether or not there is noise). yᵢ = ‖aᵢᵀX♮‖² − ‖bᵢᵀX♮‖² (+ σεᵢ when σ &gt; 0),
/// with plain scalar sums in index order, as the published generator computes y.
/// </para>
/// <para>
/// An instance of m measurements is rows [0, m); its M held-out measurements are rows [m, m + M).
/// </para>
/// </remarks>
public sealed class BlockSeededSensing
{
    private readonly double[] _factor; // X♮ = G/‖G‖, d×r

    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, the rank exceeds the width, or σ &lt; 0.</exception>
    public BlockSeededSensing(ulong seed, int dimension, int rank, int width, double noise = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, rank);
        if (!(noise >= 0 && double.IsFinite(noise))) throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be ≥ 0 and finite.");
        (Seed, Dimension, Rank, Width, Noise) = (seed, dimension, rank, width, noise);
        var rng = new Xoshiro256StarStar(seed);
        _factor = LowRankFactors.UnitGaussian(rng, dimension * rank);
        Start = LowRankFactors.UnitGaussian(rng, dimension * width);
    }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>r, the rank of the truth.</summary>
    public int Rank { get; }

    /// <summary>k, the width of the factor.</summary>
    public int Width { get; }

    /// <summary>σ of the measurement noise.</summary>
    public double Noise { get; }

    /// <summary>X0, d×k row-major (the array itself).</summary>
    public double[] Start { get; }

    /// <summary>X♮, d×r row-major (a copy).</summary>
    public double[] TruthFactor => (double[])_factor.Clone();

    /// <summary>X♮ zero-padded to d×k (a new array).</summary>
    public double[] PaddedTruth => LowRankFactors.Padded(_factor, Dimension, Rank, Width);

    /// <summary>
    /// The seed of block <paramref name="block"/>'s generator: SplitMix64's output function applied to
    /// seed + (block + 1)·0x9E3779B97F4A7C15 (so block j's stream differs from seed's own and from every other block's).
    /// </summary>
    public static ulong BlockSeed(ulong seed, long block)
    {
        ulong z = unchecked(seed + 0x9E3779B97F4A7C15UL * ((ulong)block + 1));
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// Rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) into <paramref name="a"/>,
    /// <paramref name="b"/> (count·d each, row-major) and <paramref name="y"/> (count). Costs the rows asked for, plus
    /// the rows of the first block before <paramref name="start"/> (drawn and dropped). Thread-safe.
    /// </summary>
    public void Generate(long start, int count, Span<double> a, Span<double> b, Span<double> y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        int d = Dimension;
        int done = 0;
        while (done < count)
        {
            long row = start + done;
            long block = row / QuadraticSensing.RowBlock;
            int offset = (int)(row % QuadraticSensing.RowBlock);
            var rng = new Xoshiro256StarStar(BlockSeed(Seed, block));
            for (long skip = (long)offset * (2 * d + 1); skip > 0; skip--) rng.NextGaussian();
            int n = Math.Min(QuadraticSensing.RowBlock - offset, count - done);
            for (int i = done; i < done + n; i++)
            {
                var ai = a.Slice(i * d, d);
                var bi = b.Slice(i * d, d);
                rng.FillGaussian(ai);
                rng.FillGaussian(bi);
                double e = rng.NextGaussian();
                double s = SquaredNorm(ai) - SquaredNorm(bi);
                y[i] = Noise > 0 ? s + Noise * e : s;
            }
            done += n;
        }
    }

    // ‖rowᵀX♮‖², every product rounded on its own, in index order.
    private double SquaredNorm(ReadOnlySpan<double> row)
    {
        double total = 0;
        for (int c = 0; c < Rank; c++)
        {
            double p = 0;
            for (int l = 0; l < row.Length; l++) p += row[l] * _factor[l * Rank + c];
            total += p * p;
        }
        return total;
    }

    /// <summary>Rows [<paramref name="firstRow"/>, <paramref name="endRow"/>) as a source that generates them block by block when read.</summary>
    public SeededSensingRows Rows(long firstRow, long endRow) => new(this, firstRow, checked((int)(endRow - firstRow)));

    /// <summary>
    /// An instance of m measurements (rows [0, m)) held in memory, with M held-out ones (rows [m, m + M)) when
    /// <paramref name="heldOut"/> &gt; 0, generated with <paramref name="threads"/> threads (the result does not depend on it).
    /// </summary>
    public QuadraticSensing Instance(int measurements, int heldOut = 0, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(heldOut);
        var truth = PaddedTruth;
        QuadraticSensing? held = heldOut > 0
            ? new QuadraticSensing(Rows(measurements, (long)measurements + heldOut).ToMemory(threads), Width, Rank, truth, Start, Noise, null)
            : null;
        return new QuadraticSensing(Rows(0, measurements).ToMemory(threads), Width, Rank, truth, (double[])Start.Clone(), Noise, held);
    }
}

/// <summary>Rows of a <see cref="BlockSeededSensing"/> family, generated when read (slow: about 2d normal draws a row; for data a shard builds once, or for files).</summary>
public sealed class SeededSensingRows(BlockSeededSensing family, long firstRow, int count) : SensingRows(count, family.Dimension)
{
    /// <summary>The family.</summary>
    public BlockSeededSensing Family => family;

    /// <summary>The family's row that is row 0 here.</summary>
    public long FirstRow => firstRow;

    /// <inheritdoc />
    public override string Origin => $"generated from seed {family.Seed} (block-seeded), rows [{firstRow}, {firstRow + Count})";

    /// <inheritdoc />
    protected override void ReadRows(int start, int count, Span<double> a, Span<double> b, Span<double> y) =>
        family.Generate(firstRow + start, count, a, b, y);
}
