using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Methods;

public class MethodCatalogTests
{
    private static readonly PublishedSettings Settings = new(0.0125, 100, 50);

    [Fact]
    public void Every_named_method_runs_its_budget_on_the_quartic_rosenbrock()
    {
        foreach (string name in MethodCatalog.Names)
        {
            var method = MethodCatalog.Create(name, Settings, 0);
            var result = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], method,
                new MinimizeOptions { MaxIterations = MethodCatalog.IterationBudget(name, Settings) });
            Assert.True(result.BestValue < 1e-3, $"{name}: {result}");
            Assert.False(string.IsNullOrWhiteSpace(MethodCatalog.Describe(name)));
        }
    }

    [Fact]
    public void The_paper_budgets_are_5050_and_5000_steps()
    {
        Assert.Equal(5050, MethodCatalog.IterationBudget("gdpolyak", Settings));
        Assert.Equal(5000, MethodCatalog.IterationBudget("gd", Settings));
        Assert.Equal(["gdpolyak", "gd", "polyak"], MethodCatalog.PaperMethods);
    }

    [Fact]
    public void Unknown_names_are_rejected_with_the_list_of_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => MethodCatalog.Create("sgd", Settings, 0));
        Assert.Contains("gdpolyak, gd, polyak", e.Message);
    }
}
