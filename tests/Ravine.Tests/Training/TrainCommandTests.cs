using Ravine.Cli;
using Ravine.Cli.Training;
using Ravine.Training;
using Ravine.Tests.Cli;

namespace Ravine.Tests.Training;

/// <summary><c>ravine train</c> on the test fixture: its files, its table, its one-line errors (which leave no folder behind), and an interrupted train resumed to the same traces.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ravine-train-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static TrainingModels Models(Func<IMiniBatchObjective>? failing = null, CancellationTokenSource? cancelAfter = null, int evaluations = 0) => new(
    [
        new TrainingModel("softmax", "softmax regression on clusters", r => cancelAfter is null
            ? new SoftmaxRegression(7, validation: r.ValidationExamples)
            : new Cancelling(new SoftmaxRegression(7, validation: r.ValidationExamples), cancelAfter, evaluations)),
        new TrainingModel("broken", "a model whose data cannot be read", _ => failing is null ? throw new InvalidDataException("train-images-idx3-ubyte.gz: the gzip stream ends early") : failing()),
    ]);

    private static (int ExitCode, string Output, string Error) Train(TrainingModels models, CancellationToken token, params string[] args) =>
        CliRunner.Capture((console, error) => RavineApp.Create(console, error, Interruption.From(token), models: models).Run(["train", .. args], token));

    private static (int ExitCode, string Output, string Error) Train(params string[] args) => Train(Models(), CancellationToken.None, args);

    [Fact]
    public void A_train_over_methods_and_seeds_writes_traces_figures_report_and_the_table()
    {
        var (code, output, error) = Train("--model", "softmax", "--methods", "adam lr=0.01,stochastic-gdpolyak K=10 judge=200", "--seeds", "2", "--epochs", "3",
            "--batch", "32", "--validation", "200", "--lanczos-every", "3", "--out", _folder);
        Assert.True(code == 0, error);
        Assert.Contains("adam lr=0.01", output, StringComparison.Ordinal);
        Assert.Contains("epochs to 85%", output, StringComparison.Ordinal);
        foreach (string run in new[] { "adam_lr=0.01/seed-0", "adam_lr=0.01/seed-1", "stochastic-gdpolyak_K=10_judge=200/seed-0", "stochastic-gdpolyak_K=10_judge=200/seed-1" })
        {
            var trace = File.ReadAllLines(Path.Combine(_folder, run, "trace.csv"));
            Assert.Equal(TrainingFiles.Header, trace[0]);
            Assert.Equal(5, trace.Length);
            Assert.True(File.Exists(Path.Combine(_folder, run, "summary.json")));
        }
        foreach (string file in new[] { "summary.json", "report.md", "report.html", "train.json", "accuracy-epochs.png", "accuracy-seconds.svg", "loss-epochs.svg", "loss-seconds.png" })
            Assert.True(File.Exists(Path.Combine(_folder, file)), file);
        string report = File.ReadAllText(Path.Combine(_folder, "report.md"));
        Assert.Contains("## The ravine", report, StringComparison.Ordinal);
        Assert.Contains("## Long steps", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Unknown model 'resnet'", "--model", "resnet")]
    [InlineData("Unknown training method 'sgd'", "--model", "softmax", "--method", "sgd")]
    [InlineData("adam has no option 'eta'", "--model", "softmax", "--method", "adam eta=0.1")]
    [InlineData("takes a number in (0, 1), not '1'", "--model", "softmax", "--method", "schedule-free-sgd momentum=1")]
    [InlineData("--batch 601 must be between 1 and the 600 training examples", "--model", "softmax", "--batch", "601", "--validation", "200")]
    [InlineData("--epochs must be at least 1", "--model", "softmax", "--epochs", "0")]
    [InlineData("cannot load its data: train-images-idx3-ubyte.gz: the gzip stream ends early", "--model", "broken")]
    public void Bad_input_exits_2_with_one_line(string message, params string[] args)
    {
        var (code, _, error) = Train([.. args, "--out", _folder]);
        Assert.Equal(RavineApp.BadArguments, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(_folder), "a refused train leaves no results folder behind");
    }

    [Fact]
    public void A_missing_dataset_exits_2()
    {
        var models = Models(failing: () => throw new FileNotFoundException("Fashion-MNIST is not in /nowhere (missing train-images-idx3-ubyte.gz)"));
        var (code, _, error) = Train(models, CancellationToken.None, "--model", "broken", "--out", _folder);
        Assert.Equal(RavineApp.BadArguments, code);
        Assert.Contains("missing train-images-idx3-ubyte.gz", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder), "a train whose data cannot load leaves no results folder behind");
    }

    [Fact]
    public void An_interrupted_train_resumes_to_the_same_traces()
    {
        string[] args = ["--model", "softmax", "--methods", "sgd-momentum,stochastic-gdpolyak K=7 judge=100", "--epochs", "3", "--batch", "50", "--validation", "200"];
        string whole = Path.Combine(_folder, "whole"), parted = Path.Combine(_folder, "parted");
        Assert.Equal(0, Train([.. args, "--out", whole]).ExitCode);

        // Cancelled in the second run's second epoch (12 batches an epoch; the first run takes 36 evaluations).
        using var cancel = new CancellationTokenSource();
        var (code, output, _) = Train(Models(cancelAfter: cancel, evaluations: 36 + 17), cancel.Token, [.. args, "--out", parted]);
        Assert.Equal(130, code);
        Assert.Contains("ravine train --resume", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(parted, "stochastic-gdpolyak_K=7_judge=100", "seed-0", "summary.json")));
        // The table counts only finished runs: the interrupted one is in the runs' list, not in the table.
        string report = File.ReadAllText(Path.Combine(parted, "report.md"));
        Assert.Contains("| stochastic-gdpolyak K=7 judge=100 | 0 | Cancelled |", report, StringComparison.Ordinal);
        Assert.DoesNotContain("| stochastic-gdpolyak K=7 judge=100 | 1 |", report, StringComparison.Ordinal);

        Assert.Equal(0, Train(Models(), CancellationToken.None, "--resume", parted).ExitCode);
        foreach (string run in new[] { "sgd-momentum/seed-0", "stochastic-gdpolyak_K=7_judge=100/seed-0" })
            Assert.Equal(WithoutSeconds(Path.Combine(whole, run, "trace.csv")), WithoutSeconds(Path.Combine(parted, run, "trace.csv")));
    }

    [Fact]
    public void Resume_takes_no_other_option()
    {
        var (code, _, error) = Train("--resume", _folder, "--epochs", "3");
        Assert.Equal(RavineApp.BadArguments, code);
        Assert.Contains("give no other option", error, StringComparison.Ordinal);
    }

    private static string[] WithoutSeconds(string trace) =>
        File.ReadAllLines(trace).Select(line => string.Join(',', line.Split(',').Where((_, i) => i != 2))).ToArray();

    /// <summary>The fixture, cancelling a token once it has evaluated a given number of batches (as Ctrl+C would, between batches).</summary>
    private sealed class Cancelling(IMiniBatchObjective inner, CancellationTokenSource cancel, int evaluations) : IMiniBatchObjective
    {
        private int _calls;

        public int Dimension => inner.Dimension;
        public int ExampleCount => inner.ExampleCount;
        public bool IsClassifier => inner.IsClassifier;
        public void InitialPoint(ulong seed, Span<double> x) => inner.InitialPoint(seed, x);

        public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<int> examples, Span<double> gradient)
        {
            // Only mini-batches count (a long step's judge batch is larger than any batch here).
            if (examples.Length <= 50 && ++_calls == evaluations) cancel.Cancel();
            return inner.Evaluate(x, examples, gradient);
        }

        public double Value(ReadOnlySpan<double> x, ReadOnlySpan<int> examples) => inner.Value(x, examples);
        public void HessianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<int> examples, ReadOnlySpan<double> direction, Span<double> product) => inner.HessianVectorProduct(x, examples, direction, product);
        public HeldOutScore Score(ReadOnlySpan<double> x, EvaluationSet set) => inner.Score(x, set);
    }
}
