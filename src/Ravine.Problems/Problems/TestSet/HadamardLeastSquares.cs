using Ravine.Objectives;
using Ravine.Randomness;

namespace Ravine.Problems;

/// <summary>
/// Sparse least squares over-parameterized by the Hadamard product: f(u, v) = (1/2m)‖X(u⊙u − v⊙v) − y‖² with
/// X ∈ ℝᵐˣᵈ standard Gaussian, y = Xw♮ noiseless, w♮ k-sparse with entries ±1 (default d = 20, m = 40, k = 3;
/// 2d = 40 variables, u first), x0 = (u, v) = (α·1, α·1) with α = 10⁻³, f* = 0, f(x0) = ‖y‖²/(2m).
/// </summary>
/// <remarks>
/// <para>
/// With m ≥ d, X has full column rank (almost surely), so the minimizers are exactly the (u, v) with
/// u⊙u − v⊙v = w♮: for each zero entry of w♮ the cross |uⱼ| = |vⱼ|, for each nonzero one a hyperbola. At a
/// minimizer the Hessian is JᵀJ/m with J = X·(diag(2u), −diag(2v)): its rank is the number of j with (uⱼ, vⱼ) ≠ 0
/// (columns j and d + j of J are parallel), k at the sparsest minimizer. There, moving uⱼ (or vⱼ) alone off a zero entry of w♮ changes w by t², so
/// f = ‖X eⱼ‖²t⁴/(2m): quartic growth along 2(d − k) directions. The distance to the set of minimizers needs the
/// nearest point of each hyperbola (a quartic equation) and is not provided.
/// </para>
/// <para>
/// The small start is Vaškevičius et al.'s: gradient flow keeps each uⱼvⱼ at α², so from u = v = α·1 the runs end at the
/// minimizer with uⱼ = vⱼ ≈ α off the support, within about α of the sparsest one, where the Hessian's curvature
/// across those coordinates is of order α² — a ravine in 2(d − k) directions. A large start would end at a minimizer
/// with curvature of order one there, and a Morse–Bott minimum is all it would measure. The origin is a saddle, so
/// the first steps are small.
/// </para>
/// <para>
/// Source: Vaškevičius, Kanade, Rebeschini, "Implicit regularization for optimal sparse recovery", NeurIPS 2019
/// (the parameterization w = u⊙u − v⊙v and the loss, here without noise so that f* = 0 is known exactly).
/// </para>
/// </remarks>
internal sealed class HadamardLeastSquares : ITestProblem
{
    private readonly double[] design;

    private HadamardLeastSquares(double[] design, double[] signal, double[] targets)
    {
        this.design = design;
        Signal = signal;
        Targets = targets;
    }

    /// <summary>The instance of a seed: X row-major from the seeded generator, then the support and signs of w♮.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, k exceeds d, or m is below d.</exception>
    public static HadamardLeastSquares Generate(ulong seed, int dimension = 20, int measurements = 40, int sparsity = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sparsity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sparsity, dimension);
        // Fewer measurements than unknowns would leave an affine family of w with y = Xw, and f* would stay 0 but the
        // minimizers would no longer be the ones the remarks describe.
        ArgumentOutOfRangeException.ThrowIfLessThan(measurements, dimension);
        var random = new Xoshiro256StarStar(seed);
        double[] design = random.NextGaussians(measurements * dimension);
        int[] order = Enumerable.Range(0, dimension).ToArray();
        var signal = new double[dimension];
        for (int j = 0; j < sparsity; j++)
        {
            int pick = j + (int)(random.NextDouble() * (dimension - j));
            (order[j], order[pick]) = (order[pick], order[j]);
            signal[order[j]] = random.NextDouble() < 0.5 ? -1 : 1;
        }
        var targets = new double[measurements];
        for (int i = 0; i < measurements; i++)
            for (int j = 0; j < dimension; j++) targets[i] += design[i * dimension + j] * signal[j];
        return new HadamardLeastSquares(design, signal, targets);
    }

    /// <summary>w♮, the sparse signal.</summary>
    public double[] Signal { get; }

    /// <summary>y = Xw♮.</summary>
    public double[] Targets { get; }

    /// <summary>Entry (i, j) of X.</summary>
    public double Design(int i, int j) => design[i * Signal.Length + j];

    public string Name => "hadamard-least-squares";

    public string Title => $"Hadamard sparse least squares (d = {Signal.Length}, m = {Targets.Length}, k = {Signal.Count(w => w != 0)})";

    public double[] Start => Enumerable.Repeat(InitialScale, Dimension).ToArray();

    /// <summary>α, the size of every entry of u and v at the start.</summary>
    public const double InitialScale = 1e-3;

    public int Dimension => 2 * Signal.Length;

    public double OptimalValue => 0;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, Dimension);
        int d = Signal.Length, m = Targets.Length;
        ReadOnlySpan<double> u = x[..d], v = x[d..];
        // The v half of the gradient first collects Xᵀr/m, the gradient in w, which both halves then scale.
        Span<double> inW = gradient[d..];
        inW.Clear();
        double f = 0;
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<double> row = design.AsSpan(i * d, d);
            double r = -Targets[i];
            for (int j = 0; j < d; j++) r += row[j] * (u[j] * u[j] - v[j] * v[j]);
            f += r * r;
            for (int j = 0; j < d; j++) inW[j] += row[j] * r;
        }
        for (int j = 0; j < d; j++)
        {
            double g = inW[j] / m;
            gradient[j] = 2 * u[j] * g;
            gradient[d + j] = -2 * v[j] * g;
        }
        return f / (2 * m);
    }
}
