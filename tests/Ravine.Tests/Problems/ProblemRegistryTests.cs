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

    [Fact]
    public void Sizes_are_read_as_key_value_pairs_over_the_defaults_and_bad_ones_are_rejected_naming_size()
    {
        var descriptor = ProblemRegistry.Find("teacher-student-sampled");
        var sized = (TeacherStudentSampled)descriptor.GenerateAt(5, "d=7, samples=30");
        Assert.Equal((7, 30, 7 * TeacherStudent.DefaultStudents), (sized.InputDimension, sized.Samples, sized.Dimension));
        // The default sizes are the registry's instance, bit for bit.
        Assert.Equal(descriptor.Generate(5).Start, descriptor.GenerateAt(5, null).Start);
        Assert.Equal(descriptor.Generate(5).Start, descriptor.GenerateAt(5, "d=50,students=4,teachers=2,samples=1000").Start);
        foreach (string bad in new[] { "width=3", "d=0", "d=x", "d", "d=3,d=4", "students=1" })
            Assert.ThrowsAny<ArgumentException>(() => descriptor.GenerateAt(5, bad));
        Assert.Equal("size", Assert.Throws<ArgumentException>(() => descriptor.GenerateAt(5, "width=3")).ParamName);
        Assert.Equal("size", Assert.Throws<ArgumentException>(() => ProblemRegistry.Find("single-neuron").GenerateAt(5, "d=3")).ParamName);
    }

    [Fact]
    public void Sensing_sizes_give_the_block_seeded_instance_generate_writes_and_factorization_sizes_the_published_family()
    {
        var sensing = ProblemRegistry.Find("quadratic-sensing");
        var sized30 = (QuadraticSensing)sensing.GenerateAt(3407, "d=30,k=8,m=2500");
        var family = new BlockSeededSensing(3407, 30, 2, 8).Instance(2500);
        Assert.Equal(family.A, sized30.A);
        Assert.Equal(family.Y, sized30.Y);
        Assert.Equal(family.Start, sized30.Start);
        var sized = (QuadraticSensing)sensing.GenerateAt(3407, "d=30,k=8,m=5000");
        Assert.Equal((30, 8, 5000, 2), (sized.AmbientDimension, sized.Width, sized.MeasurementCount, sized.TruthWidth));
        var factorization = (MatrixFactorization)ProblemRegistry.Find("matrix-factorization").GenerateAt(1, "d=40,r=3,k=5");
        Assert.Equal(40 * 5, factorization.Dimension);
        Assert.Equal(ProblemRegistry.Generate("matrix-factorization", 1).Start, ProblemRegistry.Find("matrix-factorization").GenerateAt(1, "d=100").Start);
        // Named in the keys the user wrote, not in the generators' parameter names.
        Assert.Contains("r = 5 exceeds k = 4", Assert.Throws<ArgumentException>(() => sensing.GenerateAt(1, "r=5")).Message);
        // Too large for memory: the exception carries the sizes, so that a caller can write the instance to files instead.
        var tooLarge = Assert.Throws<InstanceTooLargeException>(() => sensing.GenerateAt(1, "d=1000,m=1000000"));
        Assert.Equal("size", tooLarge.ParamName);
        Assert.Equal((1000, 2, 4, 1000000), (tooLarge.Sizes["d"], tooLarge.Sizes["r"], tooLarge.Sizes["k"], tooLarge.Sizes["m"]));
        Assert.Contains("1,000,000,000 entries per matrix is too large to generate in memory", tooLarge.Message);
        Assert.DoesNotContain("ravine", tooLarge.Message);
    }
}
