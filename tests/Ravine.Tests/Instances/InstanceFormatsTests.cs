using Ravine.Instances;
using Ravine.Problems;

namespace Ravine.Tests.Instances;

public class InstanceFormatsTests
{
    [Fact]
    public void Every_format_names_a_problem_of_the_suite_with_its_required_files_first()
    {
        foreach (var format in InstanceFormats.All)
        {
            Assert.Contains(format.Problem, ProblemSuite.Names);
            Assert.Same(format, InstanceFormats.Find(format.Problem.ToUpperInvariant()));
            var required = format.Files.TakeWhile(f => f.Required).Count();
            Assert.True(required > 0 && format.Files.Skip(required).All(f => !f.Required), format.Problem);
            Assert.All(format.Files, f => Assert.EndsWith(".npy", f.Name));
        }
    }

    [Fact]
    public void Every_suite_problem_has_a_folder_format()
    {
        foreach (var name in ProblemSuite.Names)
            Assert.Equal(name, InstanceFormats.Find(name).Problem);
    }

    [Fact]
    public void An_unknown_problem_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => InstanceFormats.Find("rosenbrok"));
        Assert.Contains("'rosenbrok'", e.Message);
        Assert.Contains("quartic-rosenbrock", e.Message);
    }

    [Fact]
    public void A_format_refuses_another_problems_instance()
    {
        var other = new QuarticRosenbrock();
        var wrong = new WrongName(other);
        Assert.Throws<ArgumentException>(() => InstanceFormats.Find("quartic-rosenbrock").Save(wrong, new InstanceFolder(Path.GetTempPath())));
    }

    /// <summary>A problem claiming Rosenbrock's name that is not a <see cref="QuarticRosenbrock"/>.</summary>
    private sealed class WrongName(ITestProblem inner) : ITestProblem
    {
        public string Name => inner.Name;
        public string Title => inner.Title;
        public PublishedSettings Published => inner.Published;
        public double[] Start => inner.Start;
        public int Dimension => inner.Dimension;
        public double OptimalValue => inner.OptimalValue;
        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient) => inner.Evaluate(x, gradient);
        public double DistanceToSolutions(ReadOnlySpan<double> x) => inner.DistanceToSolutions(x);
    }
}
