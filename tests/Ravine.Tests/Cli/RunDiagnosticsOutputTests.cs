using System.Text.Json;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

public class RunDiagnosticsOutputTests
{
    [Fact]
    public void A_gdpolyak_run_prints_its_ravine_diagnostics_and_writes_them_into_the_summary()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--method", "gdpolyak", "--out", folder.Root);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.Contains("growth order 4.00 (from distance), median contraction 0.750 per epoch", output);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Root, "summary.json")));
        var diagnostics = summary.RootElement.GetProperty("runs")[0].GetProperty("diagnostics");
        Assert.Equal(4.0, diagnostics.GetProperty("growthOrder").GetDouble(), 0.01);
        Assert.Equal("distance", diagnostics.GetProperty("estimatedFrom").GetString());
        Assert.True(File.Exists(Path.Combine(folder.Root, "quartic-rosenbrock", "growth-order.png")));
    }

    [Fact]
    public void Where_no_ravine_is_detected_no_growth_order_figure_is_drawn()
    {
        // Its per-epoch fits were drawn as if they were estimates while the console said that no ravine was detected.
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("run", "--problem", "teacher-student-sampled", "--out", folder.Root);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.Contains("no ravine detected", output);
        string figures = Path.Combine(folder.Root, "teacher-student-sampled");
        Assert.False(File.Exists(Path.Combine(figures, "growth-order.png")));
        Assert.False(File.Exists(Path.Combine(figures, "growth-order.svg")));
        Assert.True(File.Exists(Path.Combine(figures, "contraction.png")));
    }

    [Fact]
    public void A_method_without_long_steps_prints_and_writes_no_diagnostics()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--method", "polyak", "--max-iters", "50", "--out", folder.Root);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.DoesNotContain("Ravine diagnostics", output);
        Assert.DoesNotContain("\"diagnostics\"", File.ReadAllText(Path.Combine(folder.Root, "summary.json")));
    }
}
