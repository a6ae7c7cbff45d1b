using Ravine.Cli.Compare;
using Ravine.Problems;

namespace Ravine.Tests.Compare;

public class SeededStartTests
{
    [Fact]
    public void The_paper_problems_draw_their_start_from_the_seed_and_the_test_set_does_not()
    {
        Assert.True(SeededStart.SeedChangesStart(ProblemRegistry.Find("quartic-rosenbrock"), 3407));
        Assert.False(SeededStart.SeedChangesStart(ProblemRegistry.Find("beale"), 3407));
    }

    [Fact]
    public void Every_seed_but_the_first_perturbs_a_standard_start_and_a_seeded_start_is_never_perturbed()
    {
        var standard = SeededStart.PerturbedStarts(ProblemRegistry.Find("beale"), 3407);
        Assert.Equal([false, true, true], Enumerable.Range(0, 3).Select(standard));
        var seeded = SeededStart.PerturbedStarts(ProblemRegistry.Find("quartic-rosenbrock"), 3407);
        Assert.Equal([false, false, false], Enumerable.Range(0, 3).Select(seeded));
    }

    [Fact]
    public void A_standard_start_is_perturbed_by_about_a_tenth_of_one_plus_its_norm_the_same_way_every_time()
    {
        var problem = ProblemRegistry.Find("cragg-levy");
        double[] standard = problem.Generate(1).Start;
        var (_, a) = SeededStart.Create(problem, 3408, perturb: true);
        var (_, b) = SeededStart.Create(problem, 3408, perturb: true);
        var (_, c) = SeededStart.Create(problem, 3409, perturb: true);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        double size = Math.Sqrt(a.Zip(standard, (x, y) => (x - y) * (x - y)).Sum());
        double scale = 0.1 * (1 + Math.Sqrt(standard.Sum(v => v * v)));
        Assert.InRange(size, scale / 4, scale * 4);
        Assert.Equal(standard, SeededStart.Create(problem, 3408, perturb: false).Start);
    }
}
