using Ravine.Instances;

namespace Ravine.Problems;

/// <summary>
/// The matrix-factorization instance folder: <c>truth.npy</c>, the truth X♮ with M♮ = X♮X♮ᵀ, shape (d, r); and
/// optionally <c>x0.npy</c>, the start, shape (d, k) with k ≥ r (absent: k = 4, the published width, and the start
/// is drawn from the seed).
/// </summary>
internal sealed class MatrixFactorizationInstance : InstanceFormat<MatrixFactorization>
{
    /// <inheritdoc />
    public override string Problem => "matrix-factorization";

    /// <inheritdoc />
    public override IReadOnlyList<InstanceFile> Files { get; } =
    [
        new("truth.npy", "(d, r)", Required: true, "the truth X♮ (M♮ = X♮X♮ᵀ), r ≤ d"),
        new("x0.npy", "(d, k)", Required: false, "the start X0, k ≥ r (absent: k = 4, drawn from the seed)"),
    ];

    /// <inheritdoc />
    public override ITestProblem Load(InstanceFolder folder, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var truth = folder.Read("truth.npy", rank: 2);
        int d = truth.Rows, r = truth.Columns;
        if (r > d)
            throw new InstanceDataException(folder.FilePath("truth.npy"), $"shape {InstanceFolder.Format(truth.Shape)}: X♮ has more columns than rows; its rank cannot exceed d, so store at most d columns");
        var x0 = folder.ReadOptional("x0.npy", rank: 2);
        if (x0 is not null && (x0.Rows != d || x0.Columns < r))
            throw new InstanceDataException(folder.FilePath("x0.npy"), $"shape {InstanceFolder.Format(x0.Shape)}, expected (d, k) with d = {d} and k ≥ r = {r}: truth.npy has shape {InstanceFolder.Format(truth.Shape)}");
        int k = x0?.Columns ?? Math.Max(MatrixFactorization.PublishedWidth, r);
        return new MatrixFactorization(d, k, truth.Data, x0?.Data ?? MatrixFactorization.DrawStart(seed, d, k));
    }

    /// <inheritdoc />
    protected override void Save(MatrixFactorization problem, InstanceFolder folder)
    {
        // The truth as given (d×c), not padded: its QR, and so the oracle's rounding, depends on the zero columns.
        int d = problem.AmbientDimension, k = problem.Width, c = problem.TruthWidth;
        double[] padded = problem.Truth, truth = new double[d * c];
        for (int j = 0; j < d; j++) Array.Copy(padded, j * k, truth, j * c, c);
        folder.Write("truth.npy", truth, d, c);
        folder.Write("x0.npy", problem.Start, d, k);
    }
}
