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
        // fashion-mnist reads installed data; FashionMnistTests checks it where the data are there, and skips with the reason elsewhere.
        foreach (var descriptor in ProblemRegistry.All.Where(p => p.Name != "fashion-mnist"))
        {
            var a = descriptor.Generate(5);
            Assert.Equal(descriptor.Name, a.Name);
            Assert.Equal(a.Start, descriptor.Generate(5).Start);
            Assert.Equal(a.Dimension, a.Start.Length);
            Assert.True(descriptor.Format is null || descriptor.Format.Problem == descriptor.Name, descriptor.Name);
        }
    }
}
