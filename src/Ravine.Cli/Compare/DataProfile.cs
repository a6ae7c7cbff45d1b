namespace Ravine.Cli.Compare;

/// <summary>
/// The data profile of Moré and Wild ("Benchmarking derivative-free optimization algorithms", SIAM J. Optim. 20,
/// 2009): d_s(α) is the fraction of problems method s solves within α·(n_p + 1) oracle calls, n_p the dimension of
/// problem p. It answers "what share of problems does a budget of α simplex gradients buy", independent of rivals.
/// </summary>
/// <remarks>
/// Moré and Wild count function evaluations, n + 1 of which make a simplex gradient; Ravine counts oracle calls (f and
/// ∇f together) and keeps their normalization so that problems of different sizes share one axis. Costs are indexed
/// [problem, method]; +∞ marks a failure.
/// </remarks>
internal static class DataProfile
{
    /// <summary>The cost of each problem in units of n_p + 1 calls: cost[p, s] / (dimensions[p] + 1).</summary>
    public static double[,] Normalized(double[,] cost, IReadOnlyList<int> dimensions)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(dimensions);
        int problems = cost.GetLength(0), methods = cost.GetLength(1);
        if (dimensions.Count != problems)
            throw new ArgumentException($"{dimensions.Count} dimensions for {problems} problems.", nameof(dimensions));
        var units = new double[problems, methods];
        for (int p = 0; p < problems; p++)
        for (int s = 0; s < methods; s++)
            units[p, s] = cost[p, s] / (dimensions[p] + 1.0);
        return units;
    }

    /// <summary>d_s(α): the fraction of problems that method <paramref name="method"/> solves within α·(n_p + 1) calls.</summary>
    public static double Fraction(double[,] cost, IReadOnlyList<int> dimensions, int method, double alpha) =>
        ProfileSteps.Fraction(Normalized(cost, dimensions), method, alpha);

    /// <summary>The step function d_s as its breakpoints: each distinct finite α at which a problem becomes solved.</summary>
    public static IReadOnlyList<(double Alpha, double Fraction)> Steps(double[,] cost, IReadOnlyList<int> dimensions, int method) =>
        ProfileSteps.Steps(Normalized(cost, dimensions), method);
}
