using System.Text.Json;
using Ravine.Tests.IO;
using Ravine.Tests.Problems;

namespace Ravine.Tests.Cli;

public class RunFashionMnistTests
{
    [FactNeedsFashionMnist]
    public void A_run_on_fashion_mnist_prints_the_test_accuracy_and_writes_both_accuracies_into_the_summary()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("run", "--problem", "fashion-mnist", "--method", "gdpolyak-adaptive", "--max-iters", "3", "--out", folder.Root);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.Contains("Test accuracy", output);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Root, "summary.json")));
        var run = summary.RootElement.GetProperty("runs")[0];
        Assert.Equal(3, run.GetProperty("iterations").GetInt64());
        Assert.InRange(run.GetProperty("testAccuracy").GetDouble(), 0, 1);
        Assert.InRange(run.GetProperty("trainAccuracy").GetDouble(), 0, 1);
        // The run's own JSON is the same summary: the accuracies were once added to summary.json's copy only.
        using var own = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Root, "fashion-mnist", "gdpolyak-adaptive.json")));
        Assert.Equal(run.GetProperty("testAccuracy").GetDouble(), own.RootElement.GetProperty("testAccuracy").GetDouble());
        Assert.Equal(run.GetProperty("trainAccuracy").GetDouble(), own.RootElement.GetProperty("trainAccuracy").GetDouble());
        Assert.True(File.Exists(Path.Combine(folder.Root, "fashion-mnist", "gap.png")));
        // The problem does not know its solutions: no distances, so no (empty) distance figure.
        Assert.False(File.Exists(Path.Combine(folder.Root, "fashion-mnist", "distance.png")));
        Assert.False(File.Exists(Path.Combine(folder.Root, "fashion-mnist", "distance.svg")));
    }

    [Fact]
    public void A_problem_without_classes_writes_no_accuracy()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--method", "polyak", "--max-iters", "5", "--out", folder.Root);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        string json = File.ReadAllText(Path.Combine(folder.Root, "summary.json"));
        Assert.DoesNotContain("accuracy", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Test accuracy", output);
    }
}
