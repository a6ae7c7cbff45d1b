namespace Ravine.Cli.Compare;

/// <summary>
/// The performance profile of Dolan and Moré ("Benchmarking optimization software with performance profiles",
/// Math. Program. 91, 2002): for each method s, ρ_s(τ) is the fraction of problems p on which s needs at most τ times
/// the cost of the best method on p. ρ_s(1) is how often s wins; ρ_s(τ) for large τ is how often it solves at all.
/// </summary>
/// <remarks>
/// Costs are indexed [problem, method]; +∞ marks a failure. A problem no method solves counts in the denominator
/// for every method (it lowers every curve alike), as in Dolan and Moré.
/// </remarks>
internal static class PerformanceProfile
{
    /// <summary>r[p, s] = cost[p, s] / min over methods of cost[p, ·]; +∞ where s failed or every method did.</summary>
    public static double[,] Ratios(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        int problems = cost.GetLength(0), methods = cost.GetLength(1);
        var ratios = new double[problems, methods];
        for (int p = 0; p < problems; p++)
        {
            double best = double.PositiveInfinity;
            for (int s = 0; s < methods; s++) best = Math.Min(best, cost[p, s]);
            for (int s = 0; s < methods; s++)
                ratios[p, s] = double.IsFinite(cost[p, s]) && double.IsFinite(best) ? cost[p, s] / best : double.PositiveInfinity;
        }
        return ratios;
    }

    /// <summary>ρ_s(τ): the fraction of problems whose ratio for method <paramref name="method"/> is ≤ <paramref name="tau"/>.</summary>
    public static double Fraction(double[,] ratios, int method, double tau) => ProfileSteps.Fraction(ratios, method, tau);

    /// <summary>The step function ρ_s as its breakpoints: each distinct finite ratio with the fraction reached there.</summary>
    public static IReadOnlyList<(double Tau, double Fraction)> Steps(double[,] ratios, int method) =>
        ProfileSteps.Steps(ratios, method);
}
