using System.Text.RegularExpressions;
using Ravine.Objectives;
using Ravine.Problems.TestSet;

namespace Ravine.Tests.Problems.TestSet;

public class TestSetProblemsTests
{
    [Fact]
    public void The_list_holds_six_degenerate_and_two_control_problems_with_distinct_names()
    {
        var names = TestSetProblems.All.Select(create => Name(create())).ToArray();
        Assert.Equal(
            ["singular-rosenbrock", "singular-wood", "singular-trigonometric", "nondquar", "cragg-levy", "box3",
             "extended-rosenbrock", "beale"],
            names);
        Assert.All(names, name => Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), name));
    }

    [Fact]
    public void Every_factory_makes_a_fresh_problem_with_f_star_zero()
    {
        foreach (var create in TestSetProblems.All)
        {
            var problem = create();
            Assert.NotSame(problem, create());
            Assert.Equal(0, ((IKnowsOptimalValue)problem).OptimalValue);
        }
    }

    private static string Name(IObjective problem) => (string)problem.GetType().GetProperty("Name")!.GetValue(problem)!;
}
