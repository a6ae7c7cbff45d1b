using Ravine.Problems;

namespace Ravine.Tests.Problems;

public class ProblemRegistryTests
{
    [Fact]
    public void Unknown_names_are_rejected_with_the_list_of_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => ProblemRegistry.Find("rosenbrok"));
        Assert.Equal("problem", e.ParamName);
        Assert.Contains("quartic-rosenbrock", e.Message);
    }

    [Fact]
    public void Each_descriptor_generates_a_problem_of_its_own_name_the_same_for_the_same_seed()
    {
        // Problems on installed data (fashion-mnist) have their own tests, which skip with the reason where the data are absent.
        foreach (var descriptor in ProblemRegistry.All.Where(p => !p.NeedsExternalData))
        {
            var a = descriptor.Generate(5);
            Assert.Equal(descriptor.Name, a.Name);
            Assert.Equal(a.Start, descriptor.Generate(5).Start);
            Assert.Equal(a.Dimension, a.Start.Length);
            Assert.True(descriptor.Format is null || descriptor.Format.Problem == descriptor.Name, descriptor.Name);
        }
    }

    [Fact]
    public void Only_the_problems_on_installed_data_are_left_out_of_the_default_comparison()
    {
        Assert.Equal(["fashion-mnist"], ProblemRegistry.All.Where(p => p.NeedsExternalData).Select(p => p.Name));
        Assert.DoesNotContain("fashion-mnist", Ravine.Cli.Compare.ComparePlan.DefaultProblems);
        Assert.Equal(ProblemRegistry.Names.Count - 1, Ravine.Cli.Compare.ComparePlan.DefaultProblems.Count);
    }
}
