using System.Numerics.Tensors;
using Ravine.Objectives;
using Ravine.Randomness;

namespace Ravine.Problems;

/// <summary>
/// Over-parameterized quadratic sensing: recover a rank-r matrix X♮X♮ᵀ (d×d) from m measurements
/// yᵢ = ‖aᵢᵀX♮‖² − ‖bᵢᵀX♮‖² = ⟨aᵢaᵢᵀ − bᵢbᵢᵀ, X♮X♮ᵀ⟩ with a factor X ∈ R^{d×k} wider than the rank (k &gt; r).
/// Loss f(X) = (1/m) Σᵢ (‖aᵢᵀX‖² − ‖bᵢᵀX‖² − yᵢ)², f* = 0. The variable x of length d·k is X stored row-major
/// (x[j·k + c] = X[j, c]).
/// </summary>
/// <remarks>
/// <para>
/// Gradient: with residuals rᵢ = ‖aᵢᵀX‖² − ‖bᵢᵀX‖² − yᵢ and P = AX, Q = BX (A, B ∈ R^{m×d} stack the aᵢ, bᵢ as rows),
/// ∇f(X) = (4/m)(Aᵀ diag(r) P − Bᵀ diag(r) Q). Because k &gt; r the solution set {X : XXᵀ = X♮X♮ᵀ} = {X♮R : R orthogonal}
/// is a manifold along which f grows only like dist⁴: the ravine GDPolyak is built for. The distance is the orthogonal
/// Procrustes distance min_R ‖X − X♮R‖_F.
/// </para>
/// <para>
/// The oracle reads A and B once per call: for four measurements at a time it forms pᵢ = aᵢᵀX and qᵢ = bᵢᵀX, then rᵢ,
/// then adds rᵢ(aᵢpᵢᵀ − bᵢqᵢᵀ) to the gradient while aᵢ and bᵢ are still in L1 (see QuadraticSensingKernel; k a
/// multiple of 8 takes a Vector512 kernel where the processor has AVX-512, a multiple of 4 the Vector256/FMA kernel —
/// the two are bit-identical — other widths a scalar one). It allocates nothing and keeps no scratch in the instance,
/// so one instance may be evaluated from several threads at once. The sums run in a fixed order: the same x gives
/// bit-identical results, also for every <see cref="MaxDegreeOfParallelism"/>.
/// </para>
/// <para>
/// <b>Large instances.</b> The rows need not be in memory: an instance loaded from a folder whose A and B exceed
/// 4 GiB reads them block by block from the files (resident memory: a block per thread), and the block-seeded family
/// (ravine generate with size options) generates any row range on its own. See docs/USAGE.md, Large instances.
/// </para>
/// <para>
/// Published size (seed 3407): d = 100, r = 2, k = 4, m = 1,000. The instance is drawn by <see cref="Generate"/>.
/// </para>
/// <para>
/// <b>Noise and held-out data.</b> With measurement noise (<see cref="Noise"/> σ &gt; 0: yᵢ + σεᵢ) the training
/// minimizer is no longer the truth and f* is unknown (<see cref="OptimalValue"/> is NaN). <see cref="HeldOut"/> holds
/// further measurements of the same truth as an objective of their own, to pass as
/// <see cref="Optimization.MinimizeOptions.Validation"/>.
/// </para>
/// </remarks>
public sealed class QuadraticSensing : ITestProblem, IKnowsDistanceToSolutions, IKnowsOracleFlops, IFactoredProblem, IUsesThreads, IHasHeldOutData
{
    /// <summary>The published ambient dimension d.</summary>
    public const int PublishedDimension = 100;

    /// <summary>The published rank r of the truth X♮X♮ᵀ.</summary>
    public const int PublishedRank = 2;

    /// <summary>The published factor width k (k &gt; r: over-parameterized).</summary>
    public const int PublishedWidth = 4;

    /// <summary>The published number of measurements m.</summary>
    public const int PublishedMeasurements = 1000;

    private readonly int _m, _d, _k, _c;
    private readonly SensingRows _rows;
    private readonly double[]? _truth;
    private readonly double[] _start;
    private readonly double _noise;

    /// <summary>
    /// The problem from given data, for example loaded from .npy files. All arrays are row-major and copied.
    /// </summary>
    /// <param name="measurements">m ≥ 1.</param>
    /// <param name="dimension">d ≥ 1.</param>
    /// <param name="width">k ≥ 1, the number of columns of the factor X.</param>
    /// <param name="a">A ∈ R^{m×d}, the vectors aᵢ as rows (length m·d).</param>
    /// <param name="b">B ∈ R^{m×d}, the vectors bᵢ as rows (length m·d).</param>
    /// <param name="y">The m measurements yᵢ.</param>
    /// <param name="truth">
    /// The truth X♮ ∈ R^{d×c} with 1 ≤ c ≤ k (length d·c), zero-padded to d×k; or null when unknown, and then
    /// <see cref="DistanceToSolutions"/> returns NaN. Its consistency with <paramref name="y"/> is not checked.
    /// </param>
    /// <param name="start">The start X0 ∈ R^{d×k} (length d·k); or null to draw it as <see cref="Generate"/> does from a
    /// fresh generator with <paramref name="startSeed"/>: standard normal, then divided by its Frobenius norm.</param>
    /// <param name="startSeed">Seeds the drawn start; unused when <paramref name="start"/> is given.</param>
    /// <param name="noise">σ ≥ 0, the standard deviation of the noise the measurements carry (0: exact, f* = 0; else f* unknown).</param>
    /// <param name="heldOut">Held-out measurements of the same truth (same d and k), or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="a"/>, <paramref name="b"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">m, d or k is below 1.</exception>
    /// <exception cref="ArgumentException">An array has the wrong length for m, d, k, or holds NaN or ±∞.</exception>
    public QuadraticSensing(int measurements, int dimension, int width, double[] a, double[] b, double[] y,
        double[]? truth = null, double[]? start = null, ulong startSeed = ProblemRegistry.DefaultSeed, double noise = 0, QuadraticSensing? heldOut = null)
    {
        _noise = noise >= 0 && double.IsFinite(noise) ? noise : throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be ≥ 0 and finite.");
        if (heldOut is not null && (heldOut._d != dimension || heldOut._k != width))
            throw new ArgumentException($"The held-out measurements are for d = {heldOut._d}, k = {heldOut._k}, not d = {dimension}, k = {width}.", nameof(heldOut));
        HeldOut = heldOut;
        ArgumentOutOfRangeException.ThrowIfLessThan(measurements, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(y);
        (_m, _d, _k) = (measurements, dimension, width);
        long md = (long)measurements * dimension;
        if (a.Length != md)
            throw new ArgumentException($"A has {a.Length} entries, expected m·d = {measurements}·{dimension} = {md} (the vectors aᵢ as rows, row-major).", nameof(a));
        if (b.Length != md)
            throw new ArgumentException($"B has {b.Length} entries, expected m·d = {measurements}·{dimension} = {md} (the vectors bᵢ as rows, row-major).", nameof(b));
        if (y.Length != measurements)
            throw new ArgumentException($"y has {y.Length} entries, expected one measurement per row of A and B: m = {measurements}.", nameof(y));
        ProblemArguments.CheckFinite(a, nameof(a));
        ProblemArguments.CheckFinite(b, nameof(b));
        ProblemArguments.CheckFinite(y, nameof(y));
        if (truth is not null)
        {
            if (truth.Length == 0 || truth.Length % dimension != 0 || truth.Length / dimension > width)
                throw new ArgumentException($"The truth X♮ has {truth.Length} entries, expected d·c = {dimension}·c with 1 ≤ c ≤ k = {width} (a d×c matrix, row-major, zero-padded to k columns).", nameof(truth));
            ProblemArguments.CheckFinite(truth, nameof(truth));
            _c = truth.Length / dimension;
            _truth = LowRankFactors.Padded(truth, dimension, _c, width);
        }
        if (start is not null)
        {
            if (start.Length != dimension * width)
                throw new ArgumentException($"The start X0 has {start.Length} entries, expected d·k = {dimension}·{width} = {dimension * width} (a d×k matrix, row-major).", nameof(start));
            ProblemArguments.CheckFinite(start, nameof(start));
            _start = (double[])start.Clone();
        }
        else
        {
            _start = LowRankFactors.UnitGaussian(new Xoshiro256StarStar(startSeed), dimension * width);
        }
        _rows = new InMemorySensingRows(measurements, dimension, (double[])a.Clone(), (double[])b.Clone(), (double[])y.Clone());
    }

    private QuadraticSensing(int m, int d, int k, int c, double[] a, double[] b, double[] y, double[] truth, double[] start, double noise, QuadraticSensing? heldOut)
        : this(new InMemorySensingRows(m, d, a, b, y), k, c, truth, start, noise, heldOut)
    {
    }

    /// <summary>
    /// An instance over rows from any source (in memory, streamed from .npy files, generated from a seed), taking them
    /// over as they are: nothing is copied or checked here but the sizes.
    /// </summary>
    /// <param name="rows">The m rows (aᵢ, bᵢ, yᵢ).</param>
    /// <param name="width">k ≥ 1.</param>
    /// <param name="truthWidth">c, the columns of the truth before padding (0 when <paramref name="truth"/> is null).</param>
    /// <param name="truth">X♮ zero-padded to d×k, or null.</param>
    /// <param name="start">X0, d×k.</param>
    /// <param name="noise">σ ≥ 0.</param>
    /// <param name="heldOut">Held-out measurements, or null.</param>
    public QuadraticSensing(SensingRows rows, int width, int truthWidth, double[]? truth, double[] start, double noise, QuadraticSensing? heldOut)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (start.Length != rows.Dimension * width || (truth is not null && truth.Length != start.Length))
            throw new ArgumentException($"X0 and the truth must be d×k = {rows.Dimension}×{width}.", nameof(start));
        (_rows, _m, _d, _k, _c, _truth, _start, _noise, HeldOut) = (rows, rows.Count, rows.Dimension, width, truthWidth, truth, start, noise, heldOut);
    }

    /// <summary>Where the rows come from (in memory, streamed from files, generated).</summary>
    internal SensingRows Rows => _rows;

    /// <summary>The kernel path of this instance's oracle (tests force one; default from <see cref="QuadraticSensingKernel.DefaultPath"/>).</summary>
    public SensingKernelPath KernelPath { get; set; } = QuadraticSensingKernel.DefaultPath;

    /// <summary>
    /// A seeded instance. From one <see cref="Xoshiro256StarStar"/>(<paramref name="seed"/>), in this order, each
    /// matrix drawn row-major (index order): G ∈ R^{d×r} standard normal; A ∈ R^{m×d}; B ∈ R^{m×d}; X0 ∈ R^{d×k}.
    /// Then X♮ = [G/‖G‖_F, 0] ∈ R^{d×k}, yᵢ = ‖aᵢᵀX♮‖² − ‖bᵢᵀX♮‖² and X0 ← X0/‖X0‖_F. y is computed by plain
    /// scalar sums in index order, not by the vectorized oracle, whose rounding depends on the processor (FMA, vector
    /// width): the instance is the same on every machine, and f(X♮) is round-off (≈ 1e-31), not exactly 0.
    /// With <paramref name="heldOut"/> M &gt; 0, the same generator then draws M more pairs (aᵢ, bᵢ) as held-out
    /// measurements (<see cref="HeldOut"/>); with <paramref name="noise"/> σ &gt; 0 it then draws εᵢ for the m training and
    /// the M held-out measurements, yᵢ ← yᵢ + σεᵢ. Without either, the instance is the published one, bit for bit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, the rank exceeds the width, M &lt; 0 or σ &lt; 0.</exception>
    public static QuadraticSensing Generate(ulong seed, int dimension = PublishedDimension, int rank = PublishedRank,
        int width = PublishedWidth, int measurements = PublishedMeasurements, int heldOut = 0, double noise = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(heldOut);
        if (!(noise >= 0 && double.IsFinite(noise))) throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be ≥ 0 and finite.");
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(measurements, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, rank);
        var rng = new Xoshiro256StarStar(seed);
        double[] g = LowRankFactors.UnitGaussian(rng, dimension * rank);
        double[] a = rng.NextGaussians(measurements * dimension);
        double[] b = rng.NextGaussians(measurements * dimension);
        double[] start = LowRankFactors.UnitGaussian(rng, dimension * width);
        double[] truth = LowRankFactors.Padded(g, dimension, rank, width);
        if (heldOut == 0 && noise == 0)
        {
            var measured = new double[measurements];
            PortableMeasurements(a, b, dimension, width, truth, measured);
            return new QuadraticSensing(measurements, dimension, width, rank, a, b, measured, truth, start, 0, null);
        }
        double[] aHeld = rng.NextGaussians(heldOut * dimension), bHeld = rng.NextGaussians(heldOut * dimension);
        double[] y = new double[measurements], yHeld = new double[heldOut];
        PortableMeasurements(a, b, dimension, width, truth, y);
        PortableMeasurements(aHeld, bHeld, dimension, width, truth, yHeld);
        if (noise > 0)
        {
            double[] e = rng.NextGaussians(measurements), eHeld = rng.NextGaussians(heldOut);
            for (int i = 0; i < measurements; i++) y[i] += noise * e[i];
            for (int i = 0; i < heldOut; i++) yHeld[i] += noise * eHeld[i];
        }
        var held = heldOut > 0 ? new QuadraticSensing(heldOut, dimension, width, rank, aHeld, bHeld, yHeld, truth, start, noise, null) : null;
        return new QuadraticSensing(measurements, dimension, width, rank, a, b, y, truth, start, noise, held);
    }

    private static void PortableMeasurements(double[] a, double[] b, int d, int k, double[] x, double[] y)
    {
        for (int i = 0; i < y.Length; i++)
            y[i] = SquaredNorm(a, i, d, k, x) - SquaredNorm(b, i, d, k, x);
    }

    // ‖rowᵀX‖² with every product rounded on its own: .NET never contracts a*b + c into a fused multiply-add unless asked.
    private static double SquaredNorm(double[] rows, int i, int d, int k, double[] x)
    {
        double total = 0;
        for (int j = 0; j < k; j++)
        {
            double p = 0;
            for (int l = 0; l < d; l++) p += rows[i * d + l] * x[l * k + j];
            total += p * p;
        }
        return total;
    }

    /// <summary>d, the number of rows of X.</summary>
    public int AmbientDimension => _d;

    /// <summary>k, the number of columns of X.</summary>
    public int Width => _k;

    /// <summary>m, the number of measurements.</summary>
    public int MeasurementCount => _m;

    /// <summary>A ∈ R^{m×d} row-major (a fresh copy each call; for rows streamed from files or generated, read into one array).</summary>
    public double[] A => (double[])_rows.ToMemory().A.Clone();

    /// <summary>B ∈ R^{m×d} row-major (a fresh copy each call; for rows streamed from files or generated, read into one array).</summary>
    public double[] B => (double[])_rows.ToMemory().B.Clone();

    /// <summary>The measurements y ∈ R^m (a fresh copy each call).</summary>
    public double[] Y => (double[])_rows.ToMemory().Y.Clone();

    /// <summary>The truth X♮ ∈ R^{d×k} row-major, zero-padded (a fresh copy each call); null when unknown.</summary>
    public double[]? Truth => (double[]?)_truth?.Clone();

    /// <summary>c, the number of columns of X♮ as given (before the zero-padding to k; the rank r for a generated instance); 0 when the truth is unknown.</summary>
    public int TruthWidth => _c;

    /// <inheritdoc />
    public string Name => "quadratic-sensing";

    /// <inheritdoc />
    public string Title => $"Quadratic sensing (d = {_d}, k = {_k}, m = {_m})";

    /// <inheritdoc />
    public double[] Start => (double[])_start.Clone();

    /// <inheritdoc />
    public int Dimension => _d * _k;

    /// <summary>f* = 0 for exact measurements; NaN (unknown: the noise sets it) when <see cref="Noise"/> &gt; 0.</summary>
    public double OptimalValue => _noise > 0 ? double.NaN : 0;

    /// <summary>σ, the standard deviation of the noise on the measurements (0: exact).</summary>
    public double Noise => _noise;

    /// <summary>Held-out measurements of the same truth, as an objective of their own (for validation); null when there are none.</summary>
    public QuadraticSensing? HeldOut { get; }

    ITestProblem? IHasHeldOutData.HeldOutProblem => HeldOut;

    /// <summary>8·m·d·k: pᵢ and qᵢ cost 2·d·k multiply-adds per measurement, the gradient update as many (3.2 MFLOP published).</summary>
    public double OracleFlops => 8.0 * _m * _d * _k;

    /// <summary>
    /// How many threads a call to <see cref="Evaluate"/> may use when m exceeds <see cref="RowBlock"/> (default 1). The
    /// result does not depend on it: the measurements are cut into fixed blocks of <see cref="RowBlock"/> rows whatever
    /// the thread count, each block's sum and gradient are formed on their own, and the blocks are added in block order.
    /// More than one thread pays off only for large m (see docs/PERFORMANCE.md); the parallel call allocates a few
    /// hundred bytes (the task machinery), the one-thread call nothing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, "MaxDegreeOfParallelism must be ≥ 1.");
    } = 1;

    /// <summary>Measurements per block of the blocked evaluation used when m exceeds it (so the published m = 1,000 is one block).</summary>
    public const int RowBlock = 1024;

    /// <summary>
    /// f(X) and ∇f(X) in one pass over A and B (see the remarks of the type). Thread-safe; allocation-free with one
    /// thread.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, _d * _k);
        double sum = SensingPartial.Accumulate(_rows, _k, x, gradient, MaxDegreeOfParallelism, KernelPath);
        TensorPrimitives.Multiply(gradient, 4.0 / _m, gradient);
        return sum / _m;
    }

    /// <summary>The blocks of <see cref="RowBlock"/> measurements the oracle adds in order (the last may be shorter).</summary>
    public int BlockCount => SensingPartial.BlockCount(_m);

    /// <summary>
    /// Each block's unscaled sums on their own (see <see cref="SensingPartial.AccumulateEach"/>): what a shard holding
    /// whole blocks of a larger instance returns, so that the caller's <see cref="SensingPartial.Fold"/> over all blocks,
    /// divided by m (and ∇ scaled by 4/m), is that instance's <see cref="Evaluate"/> bit for bit.
    /// </summary>
    /// <param name="x">X ∈ R^{d×k}, row-major.</param>
    /// <param name="sums"><see cref="BlockCount"/> entries: each block's Σrᵢ².</param>
    /// <param name="gradients"><see cref="BlockCount"/>·d·k entries: each block's Σrᵢ(aᵢpᵢᵀ − bᵢqᵢᵀ).</param>
    public void EvaluateBlocks(ReadOnlySpan<double> x, Span<double> sums, Span<double> gradients) =>
        SensingPartial.AccumulateEach(_rows, _k, x, sums, gradients, MaxDegreeOfParallelism, KernelPath);

    /// <summary>
    /// The Procrustes distance min_R ‖X − X♮R‖_F to the solution set; NaN when the instance was built without a truth.
    /// Allocation-free (a k×k Jacobi SVD on the stack).
    /// </summary>
    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, _d * _k);
        return _truth is null ? double.NaN : OrthogonalProcrustes.Distance(x, _truth, _d, _k);
    }
}
