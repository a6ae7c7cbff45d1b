using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Problems.TestSet;

/// <summary>The claim the test set exists for: the adaptive method gets close to f* on each degenerate problem.</summary>
internal static class Convergence
{
    /// <summary>
    /// Runs gdpolyak-adaptive with f* known and its default epochs within 20,000 oracle calls, and checks the final
    /// gap is at most <paramref name="factor"/> times the gap at the start.
    /// </summary>
    public static void AssertAdaptiveGdPolyakReduces(ITestProblem problem, double[] start, double factor)
    {
        double startGap = ProblemTestMath.Value(problem, start) - problem.OptimalValue;
        var result = Minimizer.Minimize(problem, start, new AdaptiveGdPolyak(problem.OptimalValue), new MinimizeOptions { MaxOracleCalls = 20_000 });
        Assert.True(result.Gap <= factor * startGap, $"gap {startGap:G3} → {result.Gap:G3} ({result.StopReason})");
    }
}
