using Ravine.Cli.Paper;
using System.Globalization;
using Ravine.Cli.Experiments;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Experiments;

public class PaperClaimsTests
{
    [Fact]
    public void Every_claim_holds_on_every_published_problem()
    {
        var claims = PaperClaims.Check(Runner.Run(new ExperimentPlan()));
        Assert.Equal(PublishedExperiments.Problems.SelectMany(_ => new[] { 1, 2, 3 }), claims.Select(c => c.Number));
        Assert.Equal(PublishedExperiments.Problems.SelectMany(p => new[] { p, p, p }), claims.Select(c => c.Problem));
        Assert.All(claims, c => Assert.True(c.Verdict == ClaimVerdict.Pass, $"{c.Problem} claim {c.Number}: {c.Evidence}"));
    }

    [Fact]
    public void Ten_epochs_are_too_few_for_the_gap_claim_and_it_fails()
    {
        var claims = PaperClaims.Check(Runner.Run(new ExperimentPlan { Problems = ["quartic-rosenbrock"], Quick = true }));
        var gap = claims.Single(c => c.Number == 2);
        Assert.Equal(ClaimVerdict.Fail, gap.Verdict);
        Assert.Contains("final gap", gap.Evidence);
    }

    [Fact]
    public void The_gap_claim_reads_the_gap_where_the_final_long_step_leaves_from()
    {
        // Like the authors' table, which lists f at the points where steps are taken: the point the last long step
        // reaches may sit off the ravine until the next epoch's short steps, which never come.
        var runs = Runner.Run(new ExperimentPlan { Problems = ["matrix-factorization"], Methods = ["gdpolyak"], Quick = true });
        var trace = runs.Single().Result.Trace;
        Assert.Equal(StepKind.Long, trace.Kind[^1]);
        var gap = PaperClaims.Check(runs).Single(c => c.Number == 2);
        string before = trace.Gap[^2].ToString("0.00e+00", CultureInfo.InvariantCulture);
        string after = trace.Gap[^1].ToString("0.00e+00", CultureInfo.InvariantCulture);
        Assert.Equal($"final gap {before} (before the last long step; {after} after it)", gap.Evidence);
        Assert.Equal(trace.Gap[^2] <= PaperClaims.GapBound ? ClaimVerdict.Pass : ClaimVerdict.Fail, gap.Verdict);
    }

    [Fact]
    public void Claims_that_need_a_missing_method_are_not_checked_rather_than_passed()
    {
        var runs = Runner.Run(new ExperimentPlan { Problems = ["quartic-rosenbrock"], Methods = ["gd", "polyak"], Quick = true });
        Assert.All(PaperClaims.Check(runs), c => Assert.Equal(ClaimVerdict.NotChecked, c.Verdict));
    }
}
