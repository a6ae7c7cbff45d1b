using System.Text.RegularExpressions;
using Ravine.Problems;

namespace Ravine.Tests.Problems.TestSet;

public class TestSetProblemsTests
{
    private static readonly string[] External =
        ["singular-rosenbrock", "singular-wood", "singular-trigonometric", "nondquar", "cragg-levy", "box3",
         "extended-powell", "quartc", "hadamard-least-squares", "deep-linear-chain", "extended-rosenbrock", "beale"];

    [Fact]
    public void The_registry_holds_ten_degenerate_and_two_control_problems_after_the_papers()
    {
        var external = ProblemRegistry.All.Where(p => External.Contains(p.Name)).ToArray();
        Assert.Equal(External, external.Select(p => p.Name));
        Assert.Equal(10, external.Count(p => p.Degenerate));
        Assert.Equal(["extended-rosenbrock", "beale"], external.Where(p => !p.Degenerate).Select(p => p.Name));
        Assert.All(external, p => Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), p.Name));
        Assert.All(external, p => Assert.Matches(new Regex("(19|20)[0-9][0-9]"), p.Source));
    }

    [Fact]
    public void Every_factory_makes_a_fresh_problem_of_its_name_with_f_star_zero()
    {
        foreach (var descriptor in ProblemRegistry.All.Where(p => External.Contains(p.Name)))
        {
            var problem = descriptor.Generate(1);
            Assert.NotSame(problem, descriptor.Generate(1));
            Assert.Equal(descriptor.Name, problem.Name);
            Assert.Equal(0, problem.OptimalValue);
        }
    }
}
