using Ravine.Cli.Compare;
using Ravine.Cli.Versus;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Versus;

public class CallsRatioTests
{
    [Fact]
    public void A_contender_is_a_method_and_its_options()
    {
        var contender = Contender.Parse("gdpolyak-adaptive  window=5 stall-ratio=0.25");
        Assert.Same(AdaptiveGdPolyak.Descriptor, contender.Method);
        Assert.Equal(new Dictionary<string, string> { ["window"] = "5", ["stall-ratio"] = "0.25" }, contender.Options);
    }

    [Theory]
    [InlineData("gdpolyak K", "'K' in 'gdpolyak K' is not KEY=VALUE.")]
    [InlineData("gdpolyak K=1 K=2", "'K' is given twice in 'gdpolyak K=1 K=2'.")]
    [InlineData("adam memory=3", "adam has no option --memory.")]
    [InlineData("newton", "Unknown method 'newton'.")]
    public void A_malformed_contender_is_refused_naming_what_is_wrong(string text, string message)
    {
        Assert.StartsWith(message, Assert.Throws<ArgumentException>(() => Contender.Parse(text)).Message);
    }

    [Theory]
    [InlineData("gd fstar=unknown", "gd uses no f*")]
    [InlineData("gdpolyak fstar=maybe", "'fstar' takes a finite number or 'unknown'")]
    [InlineData("gd fstar-offset=1", "gd uses no f*")]
    [InlineData("gdpolyak fstar-offset=big", "'fstar-offset' takes a finite number δ")]
    [InlineData("gdpolyak fstar-offset=NaN", "'fstar-offset' takes a finite number δ")]
    [InlineData("gdpolyak fstar=0 fstar-offset=1", "'fstar=' and 'fstar-offset=' both say which f* to use")]
    public void A_contender_f_star_is_refused_where_it_does_not_apply(string text, string message)
    {
        Assert.StartsWith(message, Assert.Throws<ArgumentException>(() => Contender.Parse(text)).Message);
    }

    [Fact]
    public void A_contender_with_f_star_unknown_hides_the_problems_f_star_from_the_method()
    {
        var contender = Contender.Parse("gdpolyak fstar=unknown");
        Assert.Empty(contender.Options);
        var spec = contender.For(Ravine.Problems.ProblemRegistry.Generate("quartic-rosenbrock"), seed: 1);
        Assert.Null(((GdPolyak)spec.Method).OptimalValue);
        Assert.Null(spec.Arguments.OptimalValue);
    }

    [Fact]
    public void GdPolyak_with_f_star_unknown_reaches_1e_10_on_quadratic_sensing_within_1_5x_the_calls_of_the_known_f_star()
    {
        var row = CallsRatio.Compare(Contender.Parse("gdpolyak"), Contender.Parse("gdpolyak fstar=unknown"), "quadratic-sensing", 3407, target: 1e-10);
        Assert.InRange(row.Ratio, 0.05, 1.5);
    }

    [Fact]
    public void The_same_method_against_itself_has_ratio_one()
    {
        var gd = Contender.Parse("gdpolyak");
        var row = CallsRatio.Compare(gd, gd, "quartic-rosenbrock", 3407, target: null);
        Assert.Equal(1, row.Ratio);
        Assert.True(row.Target < 1e-20, row.ToString());
    }

    [Fact]
    public void The_adaptive_method_needs_under_0_6x_the_published_calls_on_the_quartic_rosenbrock()
    {
        var row = CallsRatio.Compare(Contender.Parse("gdpolyak"), Contender.Parse("gdpolyak-adaptive"), "quartic-rosenbrock", 3407, target: null);
        Assert.InRange(row.Ratio, 0.05, 0.6);
    }

    [Fact]
    public void A_challenger_that_misses_the_target_within_its_budget_has_an_infinite_ratio()
    {
        var row = CallsRatio.Compare(Contender.Parse("gdpolyak"), Contender.Parse("gd"), "quartic-rosenbrock", 3407, target: null);
        Assert.Null(row.ChallengerCalls);
        Assert.Equal(double.PositiveInfinity, row.Ratio);
    }

    [Fact]
    public void A_fixed_start_problem_keeps_its_start_for_the_first_seed_listed_and_perturbs_it_for_the_others()
    {
        var instances = CallsRatio.Instances(["beale", "quartic-rosenbrock"], [5, 3407, 1]);
        Assert.Equal([false, true, true, false, false, false], instances.Select(i => i.PerturbStart));
        Assert.Equal([5ul, 3407, 1, 5, 3407, 1], instances.Select(i => i.Seed));
    }

    [Fact]
    public void Each_seed_of_a_fixed_start_problem_is_a_run_of_its_own()
    {
        var reference = Contender.Parse("gdpolyak-adaptive");
        var challenger = Contender.Parse("gdpolyak-adaptive fstar=unknown");
        var rows = CallsRatio.Run(reference, [challenger], ["beale"], [3407, 1, 2], target: 1e-10, maxCalls: 2000);
        Assert.Equal(CallsRatio.Compare(reference, challenger, "beale", 3407, 1e-10, 2000, perturbStart: false), rows[0]);
        Assert.Equal(CallsRatio.Compare(reference, challenger, "beale", 1, 1e-10, 2000, perturbStart: true), rows[1]);
        // The standard start with seed 1 is the first seed's run again: the perturbation is what makes seed 1 differ.
        Assert.NotEqual(rows[1], CallsRatio.Compare(reference, challenger, "beale", 1, 1e-10, 2000, perturbStart: false));
        Assert.Equal(3, rows.Select(r => (r.ReferenceBestGap, r.ChallengerBestGap)).Distinct().Count());
    }

    [Fact]
    public void On_a_paper_problem_each_seed_is_its_generated_instance_from_its_own_start()
    {
        // The paper's problems draw instance and start from the seed: versus runs them as the library does, unperturbed.
        var rows = CallsRatio.Run(Contender.Parse("gdpolyak-adaptive"), [Contender.Parse("gdpolyak-adaptive fstar=unknown")], ["quartic-rosenbrock"], [3407, 1], target: 1e-10);
        foreach (var (row, seed) in rows.Zip(new ulong[] { 3407, 1 }))
        {
            var problem = ProblemRegistry.Generate("quartic-rosenbrock", seed);
            var options = new MinimizeOptions { GapTolerance = 1e-10, RecordDistance = false };
            var known = Minimizer.Minimize(problem, problem.Start, new AdaptiveGdPolyak(0), options);
            var unknown = Minimizer.Minimize(problem, problem.Start, new AdaptiveGdPolyak(null), options with { MaxOracleCalls = CallsRatio.BudgetFactor * known.OracleCalls });
            Assert.Equal(StopReason.GapTolerance, known.StopReason);
            Assert.Equal(known.OracleCalls, row.ReferenceCalls);
            Assert.Equal(StopReason.GapTolerance, unknown.StopReason);
            Assert.Equal(unknown.OracleCalls, row.ChallengerCalls);
        }
    }

    [Fact]
    public void The_reference_budget_in_oracle_calls_is_kept_and_a_reference_that_misses_the_target_gives_no_ratio()
    {
        var row = CallsRatio.Compare(Contender.Parse("gdpolyak-adaptive"), Contender.Parse("gdpolyak-adaptive fstar=unknown"), "quartic-rosenbrock", 3407, 1e-30, maxCalls: 50);
        Assert.False(row.ReferenceReached);
        Assert.Equal(50, row.ReferenceCalls);
        Assert.True(double.IsNaN(row.Ratio));
        Assert.True(row.ReferenceBestGap > 1e-30);
    }

    [Fact]
    public void F_star_offset_zero_is_the_known_f_star_run()
    {
        var reference = Contender.Parse("gdpolyak-adaptive");
        var known = CallsRatio.Compare(reference, reference, "quartic-rosenbrock", 3407, 1e-10);
        var offset = CallsRatio.Compare(reference, Contender.Parse("gdpolyak-adaptive fstar-offset=0"), "quartic-rosenbrock", 3407, 1e-10);
        Assert.Equal(known, offset);
        Assert.Equal(1, offset.Ratio);
        Assert.Equal(OptimalValueDoubt.None, offset.ChallengerDoubt);
    }

    [Fact]
    public void F_star_offset_gives_the_problems_f_star_plus_delta_and_a_run_that_finds_it_too_high_says_so()
    {
        var contender = Contender.Parse("gdpolyak-adaptive fstar-offset=1");
        var problem = ProblemRegistry.Generate("quartic-rosenbrock", 3407);
        Assert.Equal(problem.OptimalValue + 1, contender.For(problem, 3407).Arguments.OptimalValue);
        var row = CallsRatio.Compare(Contender.Parse("gdpolyak-adaptive"), contender, "quartic-rosenbrock", 3407, 1e-10);
        Assert.Equal(OptimalValueDoubt.TooHigh, row.ChallengerDoubt);
        Assert.Equal(OptimalValueDoubt.None, row.ReferenceDoubt);
        Assert.NotNull(row.ChallengerCalls);
    }

    [Fact]
    public void The_summary_counts_misses_and_what_the_runs_said()
    {
        CallsRatioRow[] rows =
        [
            new("a", 1, 1e-10, 100, 50),
            new("a", 2, 1e-10, 100, null) { ChallengerDoubt = OptimalValueDoubt.TooLow },
            new("b", 1, 1e-10, 100, 300) { ChallengerDoubt = OptimalValueDoubt.Unreliable },
            new("b", 2, 1e-10, 100, null) { ReferenceReached = false },
        ];
        var summary = VersusSummary.Of(rows);
        // A miss where the reference missed too is no miss of the challenger's: there is nothing to compare with.
        Assert.Equal((4, 1, 1, 2, 1), (summary.Instances, summary.Missed, summary.MissedFlagged, summary.Flagged, summary.ReferenceMissed));
        Assert.Same(rows[1], summary.Worst);
        Assert.Equal(3, summary.MedianRatio);
        Assert.Equal("Challenger missed 1 of 3 (1 said f* looks wrong); 2 of 4 said f* looks wrong. The reference missed the target on 1 more (no ratio there).", summary.Lines().Last());
    }

    [Fact]
    public void Several_challengers_are_measured_against_one_reference_run_each_as_it_would_be_alone()
    {
        var reference = Contender.Parse("gdpolyak-adaptive");
        Contender[] challengers = [Contender.Parse("gdpolyak-adaptive fstar-offset=-0.5"), Contender.Parse("gdpolyak-adaptive fstar-offset=0.5")];
        var rows = CallsRatio.Run(reference, challengers, ["single-neuron"], [3407], target: 1e-10);
        Assert.Equal([0, 1], rows.Select(r => r.Challenger));
        Assert.Equal(CallsRatio.Compare(reference, challengers[0], "single-neuron", 3407, 1e-10), rows[0]);
        Assert.Equal(CallsRatio.Compare(reference, challengers[1], "single-neuron", 3407, 1e-10) with { Challenger = 1 }, rows[1]);
    }
}
