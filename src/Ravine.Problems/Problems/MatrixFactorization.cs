using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Ravine.Objectives;
using Ravine.Randomness;

namespace Ravine.Problems;

/// <summary>
/// Over-parameterized symmetric matrix factorization: f(X) = ¼‖XXᵀ − M♮‖_F² with M♮ = X♮X♮ᵀ of rank r and a factor
/// X ∈ R^{d×k} wider than the rank (k &gt; r), f* = 0, ∇f(X) = (XXᵀ − M♮)X. The variable x of length d·k is X stored
/// row-major. The solution set is {X♮R : R orthogonal k×k}; the distance is the orthogonal Procrustes distance
/// min_R ‖X − X♮R‖_F, as for <see cref="QuadraticSensing"/>.
/// </summary>
/// <remarks>
/// <para>
/// Evaluation without forming d×d matrices, and without the cancellation of ‖XᵀX‖² − 2‖X♮ᵀX‖² + ‖X♮ᵀX♮‖² (which
/// subtracts numbers of size ‖X♮‖⁴ and so cannot report f below ≈ 1e-16: the published claim, and GDPolyak's long
/// steps, need f down to 1e-20 and below). With the thin QR X♮ = QT (Q ∈ R^{d×c} orthonormal columns, computed once),
/// split X = QA + X⊥ with A = QᵀX and X⊥ = X − QA. Then XXᵀ − M♮ = QΔQᵀ + QAX⊥ᵀ + X⊥AᵀQᵀ + X⊥X⊥ᵀ with Δ = AAᵀ − TTᵀ
/// (c×c), whose blocks are orthogonal, so
/// 4f = ‖Δ‖² + 2‖X⊥Aᵀ‖² + ‖X⊥ᵀX⊥‖² and ∇f = Q(ΔA + A·X⊥ᵀX⊥) + X⊥(AᵀA + X⊥ᵀX⊥).
/// Near the solution set every term is small and computed from small quantities, so f keeps its relative accuracy
/// (an absolute error ε in Δ or X⊥ gives ε·‖XXᵀ − M♮‖ + ε² in f). Cost O(d·k·(k + c)); no allocation for k ≤ 32.
/// Thread-safe: the instance holds no scratch.
/// </para>
/// <para>
/// Default size (this library's choice; the paper does not fix one): d = 100, r = 2, k = 4 as in quadratic sensing,
/// start X0 standard normal divided by its Frobenius norm. The settings reproduce runs with are the CLI's
/// (its Paper folder), with the measurements behind them.
/// </para>
/// </remarks>
public sealed class MatrixFactorization : ITestProblem, IKnowsDistanceToSolutions, IKnowsOracleFlops, IFactoredProblem
{
    /// <summary>The published ambient dimension d.</summary>
    public const int PublishedDimension = 100;

    /// <summary>The published rank r of M♮.</summary>
    public const int PublishedRank = 2;

    /// <summary>The published factor width k.</summary>
    public const int PublishedWidth = 4;

    private readonly int _d, _k, _c;
    private readonly double[] _truth;      // X♮ padded to d×k, row-major
    private readonly double[] _basis;      // Q, d×c row-major
    private readonly double[] _core;       // TTᵀ, c×c row-major
    private readonly double[] _start;

    /// <summary>The problem M♮ = X♮X♮ᵀ from a given truth and start. The arrays are row-major and copied.</summary>
    /// <param name="dimension">d ≥ 1.</param>
    /// <param name="width">k ≥ 1.</param>
    /// <param name="truth">X♮ ∈ R^{d×c}, 1 ≤ c ≤ k (length d·c), zero-padded to k columns.</param>
    /// <param name="start">X0 ∈ R^{d×k} (length d·k).</param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">d or k is below 1.</exception>
    /// <exception cref="ArgumentException">An array has the wrong length, or holds NaN or ±∞.</exception>
    public MatrixFactorization(int dimension, int width, double[] truth, double[] start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(start);
        if (truth.Length == 0 || truth.Length % dimension != 0 || truth.Length / dimension > width)
            throw new ArgumentException($"The truth X♮ has {truth.Length} entries, expected d·c = {dimension}·c with 1 ≤ c ≤ k = {width} (a d×c matrix, row-major, zero-padded to k columns).", nameof(truth));
        if (truth.Length / dimension > dimension)
            throw new ArgumentException($"The truth X♮ has {truth.Length / dimension} columns but only d = {dimension} rows: its rank cannot exceed d, so pass at most d columns.", nameof(truth));
        if (start.Length != dimension * width)
            throw new ArgumentException($"The start X0 has {start.Length} entries, expected d·k = {dimension}·{width} = {dimension * width} (a d×k matrix, row-major).", nameof(start));
        ProblemArguments.CheckFinite(truth, nameof(truth));
        ProblemArguments.CheckFinite(start, nameof(start));
        (_d, _k, _c) = (dimension, width, truth.Length / dimension);
        _truth = LowRankFactors.Padded(truth, _d, _c, _k);
        _start = (double[])start.Clone();

        var qr = Matrix<double>.Build.DenseOfRowMajor(_d, _c, truth).QR(QRMethod.Thin);
        _basis = qr.Q.ToRowMajorArray();
        _core = (qr.R * qr.R.Transpose()).ToRowMajorArray();
    }

    /// <summary>
    /// A seeded instance: from one <see cref="Xoshiro256StarStar"/>(<paramref name="seed"/>), first G ∈ R^{d×r}, then
    /// X0 ∈ R^{d×k}, each standard normal drawn row-major; X♮ = [G/‖G‖_F, 0] and X0 ← X0/‖X0‖_F (as in quadratic sensing).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, or the rank exceeds the width.</exception>
    public static MatrixFactorization Generate(ulong seed, int dimension = PublishedDimension, int rank = PublishedRank, int width = PublishedWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, rank);
        var rng = new Xoshiro256StarStar(seed);
        double[] g = LowRankFactors.UnitGaussian(rng, dimension * rank);
        double[] start = LowRankFactors.UnitGaussian(rng, dimension * width);
        return new MatrixFactorization(dimension, width, g, start);
    }

    /// <summary>
    /// A start as <see cref="Generate"/> draws it when the truth comes from elsewhere: d·k standard normal draws from a
    /// fresh <see cref="Xoshiro256StarStar"/>(<paramref name="seed"/>), row-major, divided by their Frobenius norm.
    /// </summary>
    public static double[] DrawStart(ulong seed, int dimension, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        return LowRankFactors.UnitGaussian(new Xoshiro256StarStar(seed), dimension * width);
    }

    /// <summary>d, the number of rows of X.</summary>
    public int AmbientDimension => _d;

    /// <summary>k, the number of columns of X.</summary>
    public int Width => _k;

    /// <summary>The truth X♮ ∈ R^{d×k} row-major, zero-padded (a fresh copy each call).</summary>
    public double[] Truth => (double[])_truth.Clone();

    /// <summary>c, the number of columns of X♮ as given (before the zero-padding to k); M♮ has rank ≤ c.</summary>
    public int TruthWidth => _c;

    /// <inheritdoc />
    public string Name => "matrix-factorization";

    /// <inheritdoc />
    public string Title => $"Matrix factorization (d = {_d}, k = {_k})";

    /// <inheritdoc />
    public double[] Start => (double[])_start.Clone();

    /// <inheritdoc />
    public int Dimension => _d * _k;

    /// <inheritdoc />
    public double OptimalValue => 0;

    /// <summary>2·d·(5ck + 2k²): A = QᵀX, then two passes that each rebuild X⊥ row by row (14,400 published).</summary>
    public double OracleFlops => 2.0 * _d * (5.0 * _c * _k + 2.0 * _k * _k);

    /// <summary>f(X) and ∇f(X) through the split X = QA + X⊥ (see the remarks of the type). Thread-safe.</summary>
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, _d * _k);
        int d = _d, k = _k, c = _c;
        int size = 2 * c * k + 3 * k * k + c * c + 2 * k;
        Span<double> scratch = size <= 4096 ? stackalloc double[size] : new double[size];
        scratch.Clear();
        Span<double> a = scratch[..(c * k)];                                  // A = QᵀX, c×k
        Span<double> s = scratch.Slice(c * k, k * k);                         // X⊥ᵀX⊥, k×k
        Span<double> delta = scratch.Slice(c * k + k * k, c * c);             // AAᵀ − TTᵀ, c×c
        Span<double> left = scratch.Slice(c * k + k * k + c * c, c * k);      // ΔA + A·X⊥ᵀX⊥, c×k
        Span<double> right = scratch.Slice(2 * c * k + k * k + c * c, k * k); // AᵀA + X⊥ᵀX⊥, k×k
        Span<double> row = scratch.Slice(2 * c * k + 2 * k * k + c * c, k);   // one row of X⊥
        Span<double> crossRow = scratch.Slice(2 * c * k + 2 * k * k + c * c + k, c);

        for (int j = 0; j < d; j++)
            AddOuter(_basis.AsSpan(j * c, c), x.Slice(j * k, k), a);

        double crossSquares = 0;
        for (int j = 0; j < d; j++)
        {
            Orthogonal(x, j, a, row);
            AddOuter(row, row, s);
            for (int l = 0; l < c; l++)
            {
                double v = 0;
                for (int b = 0; b < k; b++) v = Math.FusedMultiplyAdd(row[b], a[l * k + b], v);
                crossRow[l] = v;
            }
            crossSquares += FusedSums.SumOfSquares(crossRow);
        }

        for (int l = 0; l < c; l++)
            for (int l2 = 0; l2 < c; l2++)
            {
                double v = 0;
                for (int b = 0; b < k; b++) v = Math.FusedMultiplyAdd(a[l * k + b], a[l2 * k + b], v);
                delta[l * c + l2] = v - _core[l * c + l2];
            }

        for (int l = 0; l < c; l++)
            for (int b = 0; b < k; b++)
            {
                double v = 0;
                for (int l2 = 0; l2 < c; l2++) v = Math.FusedMultiplyAdd(delta[l * c + l2], a[l2 * k + b], v);
                for (int b2 = 0; b2 < k; b2++) v = Math.FusedMultiplyAdd(a[l * k + b2], s[b2 * k + b], v);
                left[l * k + b] = v;
            }
        for (int b = 0; b < k; b++)
            for (int b2 = 0; b2 < k; b2++)
            {
                double v = s[b * k + b2];
                for (int l = 0; l < c; l++) v = Math.FusedMultiplyAdd(a[l * k + b], a[l * k + b2], v);
                right[b * k + b2] = v;
            }

        for (int j = 0; j < d; j++)
        {
            Orthogonal(x, j, a, row);
            var basisRow = _basis.AsSpan(j * c, c);
            var g = gradient.Slice(j * k, k);
            for (int b = 0; b < k; b++)
            {
                double v = 0;
                for (int l = 0; l < c; l++) v = Math.FusedMultiplyAdd(basisRow[l], left[l * k + b], v);
                for (int b2 = 0; b2 < k; b2++) v = Math.FusedMultiplyAdd(row[b2], right[b2 * k + b], v);
                g[b] = v;
            }
        }
        return 0.25 * (FusedSums.SumOfSquares(delta) + 2 * crossSquares + FusedSums.SumOfSquares(s));
    }

    /// <summary>The Procrustes distance min_R ‖X − X♮R‖_F (allocation-free: a k×k Jacobi SVD on the stack).</summary>
    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, _d * _k);
        return OrthogonalProcrustes.Distance(x, _truth, _d, _k);
    }

    /// <summary>Row j of X⊥ = X − QA.</summary>
    private void Orthogonal(ReadOnlySpan<double> x, int j, ReadOnlySpan<double> a, Span<double> row)
    {
        int k = _k, c = _c;
        var basisRow = _basis.AsSpan(j * c, c);
        for (int b = 0; b < k; b++)
        {
            double v = 0;
            for (int l = 0; l < c; l++) v = Math.FusedMultiplyAdd(basisRow[l], a[l * k + b], v);
            row[b] = x[j * k + b] - v;
        }
    }

    /// <summary>target += u vᵀ (row-major, |u| × |v|).</summary>
    private static void AddOuter(ReadOnlySpan<double> u, ReadOnlySpan<double> v, Span<double> target)
    {
        int n = v.Length;
        for (int l = 0; l < u.Length; l++)
            for (int b = 0; b < n; b++)
                target[l * n + b] = Math.FusedMultiplyAdd(u[l], v[b], target[l * n + b]);
    }
}
