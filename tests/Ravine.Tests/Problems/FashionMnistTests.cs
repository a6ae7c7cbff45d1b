using Ravine.Objectives;
using Ravine.Problems;
using Ravine.Randomness;

namespace Ravine.Tests.Problems;

public class FashionMnistTests
{
    private const int Pixels = FashionMnistData.Pixels;

    /// <summary>Random 28×28 "images" with labels 0–9: the problem's arithmetic without the real files.</summary>
    private static FashionMnist Synthetic(int train, int test, int subset, int hidden, ulong seed)
    {
        var rng = new Xoshiro256StarStar(99);
        byte[] Bytes(int count) => [.. Enumerable.Range(0, count).Select(_ => (byte)(rng.NextUInt64() >> 56))];
        byte[] Labels(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))];
        return new FashionMnist(Bytes(train * Pixels), Labels(train), Bytes(test * Pixels), Labels(test), subset, hidden, seed);
    }

    [Fact]
    public void The_gradient_matches_central_differences_on_a_tiny_instance()
    {
        var problem = Synthetic(train: 20, test: 5, subset: 6, hidden: 8, seed: 3);
        var x = problem.Start;
        // Move the biases off 0 so their gradient is checked at a generic point.
        for (int i = 0; i < x.Length; i++) x[i] += 0.01 * Math.Sin(i);
        var check = GradientChecker.Check(problem, x, new GradientCheckOptions { Coordinates = 300, Seed = 1 });
        Assert.True(check.Passed(1e-6), check.ToString());
    }

    [Fact]
    public void The_variable_holds_both_layers_weights_and_biases_and_the_start_is_seeded()
    {
        var problem = Synthetic(train: 20, test: 5, subset: 6, hidden: 8, seed: 3);
        Assert.Equal(8 * (784 + 1) + 10 * (8 + 1), problem.Dimension);
        Assert.Equal(problem.Start, Synthetic(20, 5, 6, 8, 3).Start);
        Assert.NotEqual(problem.Start, Synthetic(20, 5, 6, 8, 4).Start);
        Assert.All(problem.Start[(784 * 8)..(784 * 8 + 8)], b => Assert.Equal(0, b)); // b₁ starts at 0
        Assert.Equal(0, problem.OptimalValue);
    }

    [Fact]
    public void Accuracies_are_fractions_of_the_training_subset_and_of_the_test_images()
    {
        var problem = Synthetic(train: 20, test: 7, subset: 6, hidden: 8, seed: 3);
        double train = problem.TrainAccuracy(problem.Start), test = problem.TestAccuracy(problem.Start);
        Assert.Contains(train * 6, Enumerable.Range(0, 7).Select(k => (double)k));
        Assert.Contains(Math.Round(test * 7, 9), Enumerable.Range(0, 8).Select(k => (double)k));
    }

    [Fact]
    public void A_subset_larger_than_the_training_set_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic(train: 5, test: 1, subset: 6, hidden: 2, seed: 1));

    [Fact]
    public void A_missing_data_folder_fails_with_the_way_to_install_the_data()
    {
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Generate(1, folder: "/nonexistent/fashion"));
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
        Assert.Contains(FashionMnistData.FolderVariable, e.Message);
    }

    [FactNeedsFashionMnist]
    public void The_registered_instance_starts_near_chance_and_its_first_gradient_checks()
    {
        var problem = (FashionMnist)ProblemRegistry.Generate("fashion-mnist", 5);
        Assert.Equal((1000, 64, 50_890), (problem.TrainingImages, problem.HiddenWidth, problem.Dimension));
        Assert.InRange(problem.TestAccuracy(problem.Start), 0.02, 0.3);
        var check = GradientChecker.Check(problem, problem.Start, new GradientCheckOptions { Coordinates = 40, Seed = 2 });
        Assert.True(check.Passed(1e-6), check.ToString());
    }
}
