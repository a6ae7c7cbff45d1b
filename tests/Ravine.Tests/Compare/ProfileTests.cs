using Ravine.Cli.Compare;

namespace Ravine.Tests.Compare;

/// <summary>
/// Performance and data profiles against a hand-computed example: three methods A, B, C on four problems (∞ = the
/// method did not reach the target; nobody solves p4):
/// <code>
///        A    B    C    n   | ratios A  B  C  | cost/(n+1)  A    B    C
///   p1  10   20    ∞    1   |        1  2  ∞  |             5   10    ∞
///   p2   ∞   30   15    4   |        ∞  2  1  |             ∞    6    3
///   p3   5    5   50    9   |        1  1 10  |            0.5  0.5   5
///   p4   ∞    ∞    ∞    2   |        ∞  ∞  ∞  |             ∞    ∞    ∞
/// </code>
/// </summary>
public class ProfileTests
{
    private const double Inf = double.PositiveInfinity;

    private static readonly double[,] Cost =
    {
        { 10, 20, Inf },
        { Inf, 30, 15 },
        { 5, 5, 50 },
        { Inf, Inf, Inf },
    };

    private static readonly int[] Dimensions = [1, 4, 9, 2];

    [Fact]
    public void Performance_ratios_divide_by_the_best_method_per_problem()
    {
        var r = PerformanceProfile.Ratios(Cost);
        Assert.Equal(new double[,] { { 1, 2, Inf }, { Inf, 2, 1 }, { 1, 1, 10 }, { Inf, Inf, Inf } }, r);
    }

    [Theory]
    [InlineData(0, 1, 0.5)]    // A is best on p1 and p3
    [InlineData(0, 1000, 0.5)] // and solves nothing else
    [InlineData(1, 1, 0.25)]   // B ties on p3
    [InlineData(1, 1.99, 0.25)]
    [InlineData(1, 2, 0.75)]   // within 2× on p1 and p2
    [InlineData(2, 1, 0.25)]   // C is best on p2
    [InlineData(2, 9.99, 0.25)]
    [InlineData(2, 10, 0.5)]   // within 10× on p3
    public void Performance_profile_is_the_share_of_problems_within_tau_of_the_best(int method, double tau, double expected) =>
        Assert.Equal(expected, PerformanceProfile.Fraction(PerformanceProfile.Ratios(Cost), method, tau));

    [Fact]
    public void Performance_profile_steps_are_the_distinct_ratios_with_their_shares()
    {
        var r = PerformanceProfile.Ratios(Cost);
        Assert.Equal([(1.0, 0.5)], PerformanceProfile.Steps(r, 0));
        Assert.Equal([(1.0, 0.25), (2.0, 0.75)], PerformanceProfile.Steps(r, 1));
        Assert.Equal([(1.0, 0.25), (10.0, 0.5)], PerformanceProfile.Steps(r, 2));
    }

    [Theory]
    [InlineData(0, 0.49, 0.0)]
    [InlineData(0, 0.5, 0.25)]  // p3: 5 calls, n + 1 = 10
    [InlineData(0, 4.9, 0.25)]
    [InlineData(0, 5, 0.5)]     // p1: 10 calls, n + 1 = 2
    [InlineData(1, 5.9, 0.25)]
    [InlineData(1, 6, 0.5)]     // p2: 30 calls, n + 1 = 5
    [InlineData(1, 10, 0.75)]   // p1: 20 calls
    [InlineData(2, 3, 0.25)]    // p2: 15 calls
    [InlineData(2, 5, 0.5)]     // p3: 50 calls
    [InlineData(2, 1e9, 0.5)]
    public void Data_profile_is_the_share_solved_within_alpha_simplex_gradients(int method, double alpha, double expected) =>
        Assert.Equal(expected, DataProfile.Fraction(Cost, Dimensions, method, alpha));

    [Fact]
    public void Data_profile_steps_are_the_distinct_budgets_with_their_shares()
    {
        Assert.Equal([(0.5, 0.25), (5.0, 0.5)], DataProfile.Steps(Cost, Dimensions, 0));
        Assert.Equal([(0.5, 0.25), (6.0, 0.5), (10.0, 0.75)], DataProfile.Steps(Cost, Dimensions, 1));
        Assert.Equal([(3.0, 0.25), (5.0, 0.5)], DataProfile.Steps(Cost, Dimensions, 2));
    }
}
