using Ravine.Cli.Compare;

namespace Ravine.Tests.Compare;

public class CompareRunnerTests
{
    private static readonly ComparePlan Tiny = new()
    {
        Methods = ["gdpolyak", "polyak"],
        Problems = ["quartic-rosenbrock", "singular-wood"],
        Seeds = 2,
        MaxCalls = 400,
        Grid = new TuningGrid([1e-3, 1e-2], [10, 100]),
    };

    [Fact]
    public void Runs_are_bit_identical_on_one_thread_and_on_two()
    {
        var entries = CompareEntry.For(Tiny);
        var one = CompareRunner.Run(Tiny with { MaxParallelRuns = 1 }, entries);
        var two = CompareRunner.Run(Tiny with { MaxParallelRuns = 2 }, entries);
        var a = one.SelectMany(s => s).SelectMany(s => s).Select(r => r!).ToArray();
        var b = two.SelectMany(s => s).SelectMany(s => s).Select(r => r!).ToArray();
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i] with { Seconds = 0, SecondsToTarget = [] }, b[i] with { Seconds = 0, SecondsToTarget = [] }, RunComparer.Instance);
        }
    }

    [Fact]
    public void Tuning_reports_the_best_setting_and_counts_the_others_calls()
    {
        var entries = CompareEntry.For(Tiny);
        var analysis = new CompareAnalysis(Tiny, entries, CompareRunner.Run(Tiny, entries));
        var gdpolyak = analysis.Summaries().First(s => s.Method == "gdpolyak" && s.Problem == "singular-wood");
        Assert.Equal(4, gdpolyak.SettingsTried);
        Assert.InRange(gdpolyak.TuningCallsMedian, 3, 3 * 400); // the other three settings' runs, each at most the budget
        var polyak = analysis.Summaries().First(s => s.Method == "polyak" && s.Problem == "singular-wood");
        Assert.Equal(0, polyak.TuningCallsMedian);
        var profile = analysis.Profile(0);
        Assert.True(profile.TuningCounted);
        Assert.Equal(4, profile.Instances.Count);
    }

    private sealed class RunComparer : IEqualityComparer<CompareRun>
    {
        public static readonly RunComparer Instance = new();

        public bool Equals(CompareRun? x, CompareRun? y) =>
            x is not null && y is not null && x.Method == y.Method && x.Problem == y.Problem && x.SeedIndex == y.SeedIndex && x.Setting == y.Setting
            && x.StopReason == y.StopReason && x.OracleCalls == y.OracleCalls
            && BitConverter.DoubleToInt64Bits(x.BestGap) == BitConverter.DoubleToInt64Bits(y.BestGap)
            && BitConverter.DoubleToInt64Bits(x.FinalGap) == BitConverter.DoubleToInt64Bits(y.FinalGap)
            && x.CallsToTarget.SequenceEqual(y.CallsToTarget);

        public int GetHashCode(CompareRun obj) => obj.OracleCalls.GetHashCode();
    }
}
