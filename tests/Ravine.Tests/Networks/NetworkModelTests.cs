using Ravine.Networks;
using Ravine.Tests.Autodiff;
using Ravine.Training;

namespace Ravine.Tests.Networks;

public class NetworkModelTests
{
    private static readonly FashionMnistSplit Data = SyntheticSplit.Create();

    public static TheoryData<string> Names => [.. NetworkModels.Names];

    [Theory]
    [InlineData("mlp", 235_146, true)]
    [InlineData("cnn", 52_138, true)]
    [InlineData("autoencoder", 209_968, false)]
    public void Each_model_has_its_stated_size_and_kind(string name, int parameters, bool classifier)
    {
        var model = NetworkModels.Create(name, Data);
        Assert.Equal(parameters, model.Dimension);
        Assert.Equal(classifier, model.IsClassifier);
        Assert.Equal(name, model.Name);
        Assert.Equal(Data.TrainingExamples, model.ExampleCount);
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_list_of_names()
    {
        var ex = Assert.Throws<ArgumentException>(() => NetworkModels.Create("resnet", Data));
        Assert.Contains("mlp, cnn, autoencoder", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_gradient_matches_finite_differences_on_sampled_coordinates(string name)
    {
        var model = NetworkModels.Create(name, Data);
        var x = new double[model.Dimension];
        model.InitialPoint(5, x);
        int[] batch = [3, 17, 42, 100, 7];
        var gradient = new double[x.Length];
        model.Evaluate(x, batch, gradient);
        // The coordinates with the largest gradient entries and some at random: every layer is reached.
        var coordinates = Enumerable.Range(0, x.Length).OrderByDescending(i => Math.Abs(gradient[i])).Take(12)
            .Concat(Enumerable.Range(0, 12).Select(i => (int)((long)i * 7919 * 104729 % x.Length))).ToArray();
        double scale = Math.Max(1e-3, gradient.Max(Math.Abs));
        const double step = 1e-6;
        foreach (int i in coordinates)
        {
            double keep = x[i];
            x[i] = keep + step;
            double up = model.Value(x, batch);
            x[i] = keep - step;
            double down = model.Value(x, batch);
            x[i] = keep;
            Assert.True(Math.Abs((up - down) / (2 * step) - gradient[i]) <= 1e-6 * scale, $"coordinate {i}: {(up - down) / (2 * step)} vs {gradient[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_Hessian_vector_product_matches_differences_of_the_gradient(string name)
    {
        var model = NetworkModels.Create(name, Data);
        var x = new double[model.Dimension];
        model.InitialPoint(6, x);
        var v = TapeChecks.Gaussians(7, x.Length);
        int[] batch = [1, 2, 30, 31, 250];
        var product = new double[x.Length];
        model.HessianVectorProduct(x, batch, v, product);
        const double step = 1e-5;
        var up = new double[x.Length];
        var down = new double[x.Length];
        model.Evaluate(x.Select((xi, i) => xi + step * v[i]).ToArray(), batch, up);
        model.Evaluate(x.Select((xi, i) => xi - step * v[i]).ToArray(), batch, down);
        double scale = product.Max(Math.Abs), worst = 0;
        for (int i = 0; i < x.Length; i++) worst = Math.Max(worst, Math.Abs((up[i] - down[i]) / (2 * step) - product[i]));
        Assert.True(worst <= 1e-5 * scale, $"worst error {worst} against ‖Hv‖∞ = {scale}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void One_and_two_threads_give_the_same_bits(string name)
    {
        var one = NetworkModels.Create(name, Data, threads: 1);
        var two = NetworkModels.Create(name, Data, threads: 2);
        var x = new double[one.Dimension];
        one.InitialPoint(8, x);
        int[] batch = [.. Enumerable.Range(0, 128).Select(i => (i * 37) % Data.TrainingExamples)];
        var (g1, g2, h1, h2) = (new double[x.Length], new double[x.Length], new double[x.Length], new double[x.Length]);
        Assert.Equal(one.Evaluate(x, batch, g1), two.Evaluate(x, batch, g2));
        Assert.Equal(g1, g2);
        one.HessianVectorProduct(x, batch, g1, h1);
        two.HessianVectorProduct(x, batch, g1, h2);
        Assert.Equal(h1, h2);
        Assert.Equal(one.Score(x, EvaluationSet.Test), two.Score(x, EvaluationSet.Test));
    }

    [Fact]
    public void A_training_step_allocates_nothing_after_the_first()
    {
        var model = NetworkModels.Create("cnn", Data);
        var x = new double[model.Dimension];
        model.InitialPoint(9, x);
        int[] batch = [.. Enumerable.Range(0, 16)];
        var gradient = new double[x.Length];
        long allocated = Optimization.AllocationMeasurement.AllocatedBy(() => model.Evaluate(x, batch, gradient));
        Assert.True(allocated == 0, $"{allocated} bytes allocated by a step");
    }

    [Fact]
    public void The_scores_cover_each_set_and_a_classifier_reports_its_accuracy()
    {
        var classifier = NetworkModels.Create("mlp", Data);
        var autoencoder = NetworkModels.Create("autoencoder", Data);
        var x = new double[classifier.Dimension];
        classifier.InitialPoint(10, x);
        var test = classifier.Score(x, EvaluationSet.Test);
        Assert.Equal(50, test.Examples);
        Assert.InRange(test.Accuracy, 0, 1);
        Assert.True(test.Loss > 0);
        Assert.Equal(40, classifier.Score(x, EvaluationSet.Validation).Examples);
        var y = new double[autoencoder.Dimension];
        autoencoder.InitialPoint(10, y);
        var reconstruction = autoencoder.Score(y, EvaluationSet.Training);
        Assert.Equal(260, reconstruction.Examples);
        Assert.True(double.IsNaN(reconstruction.Accuracy));
        // The score is the mean loss: on the whole training set it equals the loss of one batch of all examples.
        Assert.Equal(autoencoder.Value(y, [.. Enumerable.Range(0, 260)]), reconstruction.Loss, 12);
    }

    [Fact]
    public void The_initial_point_depends_on_the_seed_only()
    {
        var model = NetworkModels.Create("cnn", Data);
        var (a, b, c) = (new double[model.Dimension], new double[model.Dimension], new double[model.Dimension]);
        model.InitialPoint(1, a);
        model.InitialPoint(1, b);
        model.InitialPoint(2, c);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void An_example_outside_the_training_set_is_refused()
    {
        var model = NetworkModels.Create("mlp", Data);
        var x = new double[model.Dimension];
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Value(x, [Data.TrainingExamples]));
    }
}

public class NetworkModelFlopTests
{
    [Theory]
    [InlineData("mlp", MultilayerPerceptron.StepFlopsPerExample)]
    [InlineData("cnn", ConvolutionalNetwork.StepFlopsPerExample)]
    [InlineData("autoencoder", Autoencoder.StepFlopsPerExample)]
    public void A_training_step_costs_the_stated_flops(string name, long perExample)
    {
        var model = NetworkModels.Create(name, SyntheticSplit.Create());
        var x = new double[model.Dimension];
        model.InitialPoint(1, x);
        model.Evaluate(x, [0, 1, 2], new double[x.Length]);
        Assert.Equal(3 * perExample, model.LastFlops);
    }
}
