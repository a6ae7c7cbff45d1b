using Ravine.Experiments;
using Ravine.Problems;

namespace Ravine.Tests.Experiments;

public class PaperClaimsTests
{
    [Fact]
    public void Every_claim_holds_on_every_published_problem()
    {
        var claims = PaperClaims.Check(ExperimentRunner.Run(new ExperimentPlan()));
        Assert.Equal(ProblemSuite.Names.SelectMany(_ => new[] { 1, 2, 3 }), claims.Select(c => c.Number));
        Assert.Equal(ProblemSuite.Names.SelectMany(p => new[] { p, p, p }), claims.Select(c => c.Problem));
        Assert.All(claims, c => Assert.True(c.Verdict == ClaimVerdict.Pass, $"{c.Problem} claim {c.Number}: {c.Evidence}"));
    }

    [Fact]
    public void Ten_epochs_are_too_few_for_the_gap_claim_and_it_fails()
    {
        var claims = PaperClaims.Check(ExperimentRunner.Run(new ExperimentPlan { Problems = ["quartic-rosenbrock"], Quick = true }));
        var gap = claims.Single(c => c.Number == 2);
        Assert.Equal(ClaimVerdict.Fail, gap.Verdict);
        Assert.Contains("final gap", gap.Evidence);
    }

    [Fact]
    public void Claims_that_need_a_missing_method_are_not_checked_rather_than_passed()
    {
        var runs = ExperimentRunner.Run(new ExperimentPlan { Problems = ["quartic-rosenbrock"], Methods = ["gd", "polyak"], Quick = true });
        Assert.All(PaperClaims.Check(runs), c => Assert.Equal(ClaimVerdict.NotChecked, c.Verdict));
    }
}
