using Ravine.Tests.IO;
using SkiaSharp;

namespace Ravine.Tests.Cli;

public class CompareReportScreenshotTests
{
    [FactNeedsChromium]
    public void Compare_report_renders_in_headless_chromium_with_every_profile_visible()
    {
        using var folder = new ScratchFolder();
        string results = Path.Combine(folder.Root, "results");
        var (code, output, error) = CliRunner.Run("compare", "--methods", "gdpolyak,polyak,lbfgs", "--problems", "quartic-rosenbrock",
            "--seeds", "2", "--max-calls", "3000", "--out", results);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");

        string screenshot = Path.Combine(folder.Root, "report.png");
        HeadlessChromium.Screenshot(new Uri(Path.Combine(results, "report.html")).AbsoluteUri, screenshot, Path.Combine(folder.Root, "profile"), 1700, 2600);

        using var bitmap = SKBitmap.Decode(screenshot);
        Assert.NotNull(bitmap);
        // Two profiles (performance, data) side by side per target, three targets one under the other; the first
        // method (GDPolyak) is drawn in ScottPlot's first palette colour, #1f77b4, in every one of them.
        var blue = HeadlessChromium.Count(bitmap, new SKColor(0x1f, 0x77, 0xb4));
        Assert.True(blue.Total > 100 * 6, $"only {blue.Total} GDPolyak-blue pixels in the screenshot");
        Assert.True(blue.Columns == 2, $"GDPolyak's line appears in {blue.Columns} thirds of the page, not in the two figure columns");
        Assert.True(blue.Bands == 3, $"GDPolyak's line appears in {blue.Bands} bands of rows, not one per target");
    }
}
