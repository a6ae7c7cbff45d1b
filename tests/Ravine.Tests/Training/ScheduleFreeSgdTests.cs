using Ravine.Training;

namespace Ravine.Tests.Training;

/// <summary>Schedule-Free SGD: its steps follow the paper's formulas, and the trainer scores and returns the average x.</summary>
public class ScheduleFreeSgdTests
{
    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(1.0, 0.0)]
    [InlineData(0.5, 1.0)]
    public void Three_steps_match_the_average_of_the_sgd_sequence_written_as_a_weighted_sum(double r, double power)
    {
        // The method updates x recursively; here x_t is the weighted sum Σω_i z_i / Σω_i written out, so the two
        // forms must agree. Warmup over 2 steps makes γ_1 = γ/2, and weight decay adds λy to the gradient.
        double[] eigenvalues = [1, 4];
        const double Gamma = 0.1, Beta = 0.9, Decay = 0.5;
        var objective = new DiagonalQuadratic(eigenvalues);
        var method = new ScheduleFreeSgd(Gamma, Beta, warmupSteps: 2, r, power, Decay);
        double[] parameters = [1, 1];
        method.Start(objective, parameters, seed: 0);

        double[] y = [1, 1], z = [1, 1];
        var sgdSequence = new List<double[]>();
        var weights = new List<double>();
        double largest = 0;
        var gradient = new double[2];
        for (int t = 1; t <= 3; t++)
        {
            double loss = objective.Evaluate(parameters, [0], gradient);
            var report = method.Step(new MiniBatchStep(objective, parameters, [0], loss, gradient, t - 1));

            double gamma = Gamma * Math.Min(1.0, t / 2.0);
            largest = Math.Max(largest, gamma);
            weights.Add(Math.Pow(t, r) * Math.Pow(largest, power));
            z = [z[0] - gamma * (eigenvalues[0] * y[0] + Decay * y[0]), z[1] - gamma * (eigenvalues[1] * y[1] + Decay * y[1])];
            sgdSequence.Add(z);
            double[] x = [0, 0];
            for (int i = 0; i < sgdSequence.Count; i++)
                for (int k = 0; k < 2; k++) x[k] += weights[i] * sgdSequence[i][k] / weights.Sum();
            y = [(1 - Beta) * z[0] + Beta * x[0], (1 - Beta) * z[1] + Beta * x[1]];

            Assert.Equal(gamma, report.Stepsize);
            for (int k = 0; k < 2; k++)
            {
                Assert.Equal(y[k], parameters[k], 1e-14);
                Assert.Equal(x[k], method.EvaluationPoint(parameters)[k], 1e-14);
            }
        }
    }

    [Fact]
    public void The_first_step_puts_the_average_on_the_sgd_step()
    {
        // c_1 = ω_1/ω_1 = 1, so x_1 = z_1 = x_0 − γg and y_1 = x_1 whatever β is.
        var objective = new DiagonalQuadratic([2, 3]);
        var method = new ScheduleFreeSgd(learningRate: 0.25, momentum: 0.5);
        double[] parameters = [1, 1];
        method.Start(objective, parameters, seed: 0);
        var gradient = new double[2];
        double loss = objective.Evaluate(parameters, [0], gradient);
        method.Step(new MiniBatchStep(objective, parameters, [0], loss, gradient, 0));
        Assert.Equal([0.5, 0.25], parameters);
        Assert.Equal([0.5, 0.25], method.EvaluationPoint(parameters).ToArray());
    }

    [Fact]
    public void A_weight_that_underflows_leaves_the_average_where_it_is()
    {
        // γ² = 1e-400 is 0 in doubles, so Σω = 0: the reference then takes c = 0 rather than 0/0.
        var objective = new DiagonalQuadratic([1, 2]);
        var method = new ScheduleFreeSgd(learningRate: 1e-200);
        double[] parameters = [1, 1];
        method.Start(objective, parameters, seed: 0);
        var gradient = new double[2];
        double loss = objective.Evaluate(parameters, [0], gradient);
        method.Step(new MiniBatchStep(objective, parameters, [0], loss, gradient, 0));
        Assert.Equal([1.0, 1.0], method.EvaluationPoint(parameters).ToArray());
        Assert.All(parameters, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void The_trainer_scores_and_returns_the_average_not_the_gradient_point()
    {
        var model = new SoftmaxRegression(7);
        var method = new ScheduleFreeSgd();
        var result = new Trainer(model, method, new TrainerOptions { Epochs = 2, BatchSize = 32, Seed = 5 }).Train();
        Assert.Equal(method.EvaluationPoint(result.Checkpoint.X).ToArray(), result.X);
        Assert.NotEqual(result.Checkpoint.X, result.X);
        Assert.Equal(model.Score(result.X, EvaluationSet.Validation), result.Rows[^1].Validation);
        Assert.Equal(model.Score(result.X, EvaluationSet.Test), result.Rows[^1].Test);
        Assert.Equal(model.Score(result.BestX, EvaluationSet.Validation), result.Rows[result.BestEpoch].Validation);
    }

    [Fact]
    public void A_finished_run_read_back_from_its_folder_returns_the_average_it_returned()
    {
        var model = new SoftmaxRegression(7);
        var result = new Trainer(model, new ScheduleFreeSgd(), new TrainerOptions { Epochs = 2, BatchSize = 32, Seed = 5 }).Train();
        string folder = Path.Combine(Path.GetTempPath(), "ravine-sf-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            var outcome = new Ravine.Cli.Training.TrainingRunOutcome("schedule-free-sgd", 5, result, folder);
            Ravine.Cli.Training.TrainingFiles.WriteProgress(folder, result.Checkpoint);
            Ravine.Cli.Training.TrainingFiles.WriteSummary(outcome);
            var read = Ravine.Cli.Training.TrainingFiles.ReadFinished(folder, "schedule-free-sgd", 5, model)!;
            Assert.Equal(result.X, read.Result.X);
            Assert.NotEqual(result.Checkpoint.X, read.Result.X);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("schedule-free-sgd momentum=0", "momentum")]
    [InlineData("schedule-free-sgd momentum=1", "momentum")]
    [InlineData("schedule-free-sgd lr=0", "lr")]
    [InlineData("schedule-free-sgd warmup-steps=-1", "warmup-steps")]
    [InlineData("schedule-free-sgd warmup-steps=1.5", "warmup-steps")]
    [InlineData("schedule-free-sgd weight-lr-power=-1", "weight-lr-power")]
    [InlineData("schedule-free-sgd r=-1", "'r'")]
    [InlineData("schedule-free-sgd weight-decay=-0.1", "weight-decay")]
    public void Bad_options_are_refused_in_one_line_naming_the_option(string specification, string option)
    {
        var e = Assert.Throws<ArgumentException>(() => StochasticMethodRegistry.Parse(specification));
        Assert.Contains(option, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_checkpoint_of_another_size_is_refused()
    {
        var small = new ScheduleFreeSgd();
        small.Start(new DiagonalQuadratic([1]), [1.0], seed: 0);
        var large = new ScheduleFreeSgd();
        large.Start(new DiagonalQuadratic([1, 2]), [1.0, 1.0], seed: 0);
        Assert.Throws<FormatException>(() => large.Restore(small.Save()));
    }
}
