using Ravine.IO;
using Ravine.Networks;
using Ravine.Tests.Problems;
using Ravine.Training;

namespace Ravine.Tests.Networks;

public class FashionMnistSplitTests
{
    [FactNeedsFashionMnist]
    public void The_full_set_splits_into_55000_training_5000_validation_and_10000_test_images()
    {
        var data = FashionMnistSplit.Load();
        Assert.Equal(55_000, data.TrainingExamples);
        Assert.Equal(5_000, data.ValidationExamples);
        Assert.Equal(10_000, data.TestExamples);
        var pixels = new double[784];
        int label = data.Example(EvaluationSet.Test, 0, pixels);
        Assert.InRange(label, 0, 9);
        Assert.All(pixels, p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void The_validation_split_is_seeded_and_disjoint_from_training()
    {
        var a = SyntheticSplit.Create(seed: 3);
        var b = SyntheticSplit.Create(seed: 3);
        var pixels = new double[784];
        var validation = Enumerable.Range(0, a.ValidationExamples).Select(i => Image(a, EvaluationSet.Validation, i, pixels)).ToHashSet();
        var training = Enumerable.Range(0, a.TrainingExamples).Select(i => Image(a, EvaluationSet.Training, i, pixels)).ToHashSet();
        Assert.Equal(a.ValidationExamples, validation.Count);
        Assert.Empty(validation.Intersect(training));
        Assert.Equal(300, validation.Count + training.Count);
        Assert.Equal(Image(a, EvaluationSet.Validation, 5, pixels), Image(b, EvaluationSet.Validation, 5, pixels));
    }

    [Fact]
    public void A_missing_folder_says_how_to_install_the_data()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => FashionMnistSplit.Load(Path.Combine(Path.GetTempPath(), "ravine-no-such-folder")));
        Assert.Contains("dataset-fashion-mnist", ex.Message);
    }

    [Fact]
    public void A_truncated_file_is_reported_by_name()
    {
        string folder = Directory.CreateTempSubdirectory("ravine-truncated-").FullName;
        try
        {
            foreach (string name in new[] { "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" })
                File.WriteAllBytes(Path.Combine(folder, name), [0, 0, 8, 3, 0, 0]);
            var ex = Assert.Throws<IdxFormatException>(() => FashionMnistSplit.Load(folder));
            Assert.Contains("train-images-idx3-ubyte.gz", ex.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_validation_split_as_large_as_the_training_set_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticSplit.Create(train: 10, validation: 10));
    }

    /// <summary>An image's identity: its pixels as text (the synthetic images are distinct).</summary>
    private static string Image(FashionMnistSplit data, EvaluationSet set, int index, double[] pixels)
    {
        data.Example(set, index, pixels);
        return string.Join(",", pixels.Take(40));
    }
}
