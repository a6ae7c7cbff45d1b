using Ravine.Cli.Experiments;
using Ravine.Optimization;

namespace Ravine.Cli.Paper;

/// <summary>The verdict on one claim for one problem.</summary>
public enum ClaimVerdict
{
    /// <summary>The runs show what the paper claims.</summary>
    Pass,
    /// <summary>The runs contradict the claim.</summary>
    Fail,
    /// <summary>The runs needed to judge the claim are not in the experiment (for example GD was not run).</summary>
    NotChecked,
}

/// <summary>One claim checked on one problem.</summary>
/// <param name="Problem">The problem's name.</param>
/// <param name="Number">The claim's number (1, 2 or 3, see <see cref="PaperClaims"/>).</param>
/// <param name="Statement">The claim in words.</param>
/// <param name="Verdict">Pass, fail, or not checked.</param>
/// <param name="Evidence">The numbers the verdict rests on.</param>
public sealed record ClaimCheck(string Problem, int Number, string Statement, ClaimVerdict Verdict, string Evidence);

/// <summary>
/// The paper's claims about each problem, checked on an experiment's runs:
/// (1) GDPolyak's best distance to the solution set is at least <see cref="DistanceFactor"/>× below the best distance
/// of GD and of Polyak; (2) GDPolyak's final gap is at most <see cref="GapBound"/>; (3) GDPolyak's long steps grow: the
/// last epoch's long step is at least <see cref="LongStepGrowth"/>× the first epoch's.
/// </summary>
public static class PaperClaims
{
    /// <summary>Claim 1's factor between the best distances.</summary>
    public const double DistanceFactor = 10;

    /// <summary>Claim 2's bound on GDPolyak's final gap.</summary>
    public const double GapBound = 1e-12;

    /// <summary>Claim 3's growth factor of the long step from the first epoch to the last.</summary>
    public const double LongStepGrowth = 100;

    /// <summary>Checks the three claims on every problem that has runs, in the order the problems first appear.</summary>
    public static IReadOnlyList<ClaimCheck> Check(IEnumerable<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var checks = new List<ClaimCheck>();
        foreach (var problem in runs.GroupBy(r => r.Key.Problem))
        {
            var gdPolyak = Find(problem, "gdpolyak");
            var gd = Find(problem, "gd");
            var polyak = Find(problem, "polyak");
            checks.Add(Distance(problem.Key, gdPolyak, gd, polyak));
            checks.Add(Gap(problem.Key, gdPolyak));
            checks.Add(LongSteps(problem.Key, gdPolyak));
        }
        return checks;
    }

    /// <summary>
    /// Every claim of every problem that has runs, marked not checked because the runs were interrupted: a verdict on a
    /// partial run would judge a budget the paper did not use.
    /// </summary>
    public static IReadOnlyList<ClaimCheck> NotCheckedAfterInterruption(IEnumerable<RunRecord> runs) =>
        Check(runs).Select(c => c with { Verdict = ClaimVerdict.NotChecked, Evidence = "not checked: the runs were interrupted" }).ToArray();

    private static RunRecord? Find(IEnumerable<RunRecord> runs, string method) =>
        runs.FirstOrDefault(r => string.Equals(r.Key.Method, method, StringComparison.OrdinalIgnoreCase));

    private static ClaimCheck Distance(string problem, RunRecord? gdPolyak, RunRecord? gd, RunRecord? polyak)
    {
        const string statement = "GDPolyak's best distance is ≥ 10× below GD's and Polyak's";
        if (gdPolyak is null || gd is null || polyak is null)
            return new(problem, 1, statement, ClaimVerdict.NotChecked, "needs gdpolyak, gd and polyak runs");
        double mine = gdPolyak.BestDistance, theirs = Math.Min(gd.BestDistance, polyak.BestDistance);
        bool pass = mine * DistanceFactor <= gd.BestDistance && mine * DistanceFactor <= polyak.BestDistance;
        string ratio = mine > 0 ? $"{S(theirs / mine)}×" : "∞×";
        return new(problem, 1, statement, pass ? ClaimVerdict.Pass : ClaimVerdict.Fail,
            $"GDPolyak {S(mine)}, GD {S(gd.BestDistance)}, Polyak {S(polyak.BestDistance)} (ratio {ratio})");
    }

    /// <summary>
    /// Claim 2. When the run ends with a long step, the final gap is read at the point that step leaves from, the end
    /// of the last epoch's short steps: the authors' table lists f at the 15,050 points where a step is <em>taken</em>,
    /// so their last value is that point. The point the final long step reaches can sit well off the ravine — the long
    /// step (10⁸–10⁹ on quadratic sensing) also scales the gradient's small component across the ravine, which the next
    /// epoch's short steps would remove — so it would compare a different quantity: on quadratic sensing (seed 3407)
    /// the gap is 9.7e-21 before the last long step (the authors report 3.3e-20) and 2.2e-12 after it.
    /// </summary>
    private static ClaimCheck Gap(string problem, RunRecord? gdPolyak)
    {
        const string statement = "GDPolyak's final gap is ≤ 1e-12";
        if (gdPolyak is null)
            return new(problem, 2, statement, ClaimVerdict.NotChecked, "needs a gdpolyak run");
        var trace = gdPolyak.Result.Trace;
        if (trace.Count >= 2 && trace.Kind[^1] == StepKind.Long)
        {
            double before = trace.Gap[^2];
            return new(problem, 2, statement, before <= GapBound ? ClaimVerdict.Pass : ClaimVerdict.Fail,
                $"final gap {S(before)} (before the last long step; {S(gdPolyak.FinalGap)} after it)");
        }
        return new(problem, 2, statement, gdPolyak.FinalGap <= GapBound ? ClaimVerdict.Pass : ClaimVerdict.Fail,
            $"final gap {S(gdPolyak.FinalGap)}");
    }

    private static ClaimCheck LongSteps(string problem, RunRecord? gdPolyak)
    {
        const string statement = "GDPolyak's long steps grow ≥ 100× from the first epoch to the last";
        if (gdPolyak is null)
            return new(problem, 3, statement, ClaimVerdict.NotChecked, "needs a gdpolyak run");
        var steps = gdPolyak.LongSteps;
        if (steps.Count < 2)
            return new(problem, 3, statement, ClaimVerdict.Fail, $"only {steps.Count} long step(s) taken");
        var (first, last) = (steps[0], steps[^1]);
        return new(problem, 3, statement, last.Stepsize >= LongStepGrowth * first.Stepsize ? ClaimVerdict.Pass : ClaimVerdict.Fail,
            $"epoch {first.Epoch}: {S(first.Stepsize)}, epoch {last.Epoch}: {S(last.Stepsize)} (×{S(last.Stepsize / first.Stepsize)})");
    }

    private static string S(double value) => value.ToString("0.00e+00", System.Globalization.CultureInfo.InvariantCulture);
}
