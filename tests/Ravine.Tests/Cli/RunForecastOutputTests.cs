using System.Text.Json;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

public class RunForecastOutputTests
{
    [Fact]
    public void An_adaptive_run_prints_its_forecasts_record_and_writes_it_into_the_summary()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--method", "gdpolyak-adaptive", "--max-iters", "2000", "--out", folder.Root);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Root, "summary.json")));
        var forecast = summary.RootElement.GetProperty("runs")[0].GetProperty("forecast");
        int longSteps = forecast.GetProperty("longSteps").GetInt32();
        Assert.True(longSteps > 10, $"{longSteps} long steps");
        Assert.Equal(0, forecast.GetProperty("shortened").GetInt32());
        Assert.Contains($"Long-step forecasts (docs/ADAPTIVE.md): {longSteps:N0} long steps, 0 shortened, 0 undone;", output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_without_forecasts_prints_and_writes_none()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--method", "gdpolyak-adaptive", "--safeguard", "off", "--max-iters", "500", "--out", folder.Root);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.DoesNotContain("Long-step forecasts", output);
        Assert.DoesNotContain("\"forecast\"", File.ReadAllText(Path.Combine(folder.Root, "summary.json")));
    }
}
