using Ravine.Objectives;
using Ravine.Cli.Paper;
using Ravine.Instances;
using Ravine.Problems;
using Ravine.Tests.IO;

namespace Ravine.Tests.Instances;

public class InstanceFormatsTests
{
    [Fact]
    public void Every_format_names_a_problem_of_the_suite_with_its_required_files_first()
    {
        foreach (var format in InstanceFormats.All)
        {
            Assert.Contains(format.Problem, PublishedExperiments.Problems);
            Assert.Same(format, InstanceFormats.Find(format.Problem.ToUpperInvariant()));
            var required = format.Files.TakeWhile(f => f.Required).Count();
            Assert.True(required > 0 && format.Files.Skip(required).All(f => !f.Required), format.Problem);
            Assert.All(format.Files, f => Assert.EndsWith(".npy", f.Name));
        }
    }

    [Fact]
    public void Every_suite_problem_has_a_folder_format()
    {
        foreach (var name in PublishedExperiments.Problems)
            Assert.Equal(name, InstanceFormats.Find(name).Problem);
    }

    public static TheoryData<string> Problems => new(PublishedExperiments.Problems);

    [Theory]
    [MemberData(nameof(Problems))]
    public void A_saved_generated_instance_loads_back_as_the_same_problem_bit_for_bit(string name)
    {
        using var scratch = new ScratchFolder();
        var generated = ProblemRegistry.Generate(name, 11);
        InstanceFormats.Save(generated, scratch.Root);
        // Another seed: whatever the seed would draw must come from the files instead.
        var loaded = InstanceFormats.Load(name, scratch.Root, seed: 12345);
        Assert.Equal(generated.GetType(), loaded.GetType());
        Assert.Equal((generated.Dimension, generated.Title), (loaded.Dimension, loaded.Title));
        double[] start = generated.Start;
        Assert.Equal(Bits(start), Bits(loaded.Start));
        // The start and a point near the solution set (where a changed rounding would show first) evaluate identically.
        double[] near = start.Select((x, i) => x * 1e-3 + (i % 3 == 0 ? 1e-9 : 0)).ToArray();
        foreach (var x in new[] { start, near })
        {
            double[] g1 = new double[x.Length], g2 = new double[x.Length];
            Assert.Equal(BitConverter.DoubleToInt64Bits(generated.Evaluate(x, g1)), BitConverter.DoubleToInt64Bits(loaded.Evaluate(x, g2)));
            Assert.Equal(Bits(g1), Bits(g2));
            Assert.Equal(BitConverter.DoubleToInt64Bits(((IKnowsDistanceToSolutions)generated).DistanceToSolutions(x)), BitConverter.DoubleToInt64Bits(((IKnowsDistanceToSolutions)loaded).DistanceToSolutions(x)));
        }
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

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
        public double[] Start => inner.Start;
        public int Dimension => inner.Dimension;
        public double OptimalValue => inner.OptimalValue;
        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient) => inner.Evaluate(x, gradient);
        
    }
}
