using Ravine.Cli.Paper;
using Ravine.Problems;
using Ravine.Tests.IO;
using SkiaSharp;

namespace Ravine.Tests.Cli;

public class ReportScreenshotTests
{
    [FactNeedsChromium]
    public void Report_html_renders_in_headless_chromium_with_every_figure_visible()
    {
        using var folder = new ScratchFolder();
        string results = Path.Combine(folder.Root, "results");
        var (code, output, error) = CliRunner.Run("reproduce", "--quick", "--out", results);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");

        string screenshot = Path.Combine(folder.Root, "report.png");
        // Per problem a row of the paper's three figures and a row of the two diagnostics figures, and the diagnostics table.
        int height = 1400 + 1150 * PublishedExperiments.Problems.Count;
        HeadlessChromium.Screenshot(new Uri(Path.Combine(results, "report.html")).AbsoluteUri, screenshot, Path.Combine(folder.Root, "profile"), 1700, height);

        using var bitmap = SKBitmap.Decode(screenshot);
        Assert.NotNull(bitmap);
        Assert.Equal((1700, height), (bitmap.Width, bitmap.Height));
        // Each figure draws GDPolyak in ScottPlot's first palette colour (#1f77b4).
        var blue = HeadlessChromium.Count(bitmap, new SKColor(0x1f, 0x77, 0xb4));
        Assert.True(blue.Total > 100 * 5 * PublishedExperiments.Problems.Count, $"only {blue.Total} GDPolyak-blue pixels in the screenshot");
        Assert.True(blue.Columns == 3, $"GDPolyak's line appears in {blue.Columns} of the three figure columns");
        Assert.True(blue.Bands == 2 * PublishedExperiments.Problems.Count, $"GDPolyak's line appears in {blue.Bands} bands of rows, not two per problem");
        Assert.True(new FileInfo(screenshot).Length > 50_000, "the screenshot is suspiciously small");
        Assert.True(BlankBelow(bitmap, bitmap.Height - 40), "the page runs past the window: the last figures were not all captured");
    }

    private static bool BlankBelow(SKBitmap bitmap, int row)
    {
        for (int y = row; y < bitmap.Height; y++)
        for (int x = 0; x < bitmap.Width; x++)
            if (bitmap.GetPixel(x, y) is var c && (c.Red < 240 || c.Green < 240 || c.Blue < 240))
                return false;
        return true;
    }
}
