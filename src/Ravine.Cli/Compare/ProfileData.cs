namespace Ravine.Cli.Compare;

/// <summary>The costs one pair of profiles is drawn from: [instance, method] oracle calls to reach one target gap.</summary>
/// <param name="Target">The target gap f − f*.</param>
/// <param name="Methods">The methods, in column order.</param>
/// <param name="Instances">"problem#seed" per row.</param>
/// <param name="Dimensions">n per row (for the data profile's α·(n + 1)).</param>
/// <param name="Cost">Oracle calls; +∞ where the method did not reach the target.</param>
/// <param name="TuningCounted">True when the cost includes the calls of the tuning grid.</param>
internal sealed record ProfileData(double Target, IReadOnlyList<string> Methods, IReadOnlyList<string> Instances,
    IReadOnlyList<int> Dimensions, double[,] Cost, bool TuningCounted)
{
    /// <summary>The performance ratios (see <see cref="PerformanceProfile.Ratios"/>).</summary>
    public double[,] Ratios() => PerformanceProfile.Ratios(Cost);
}
