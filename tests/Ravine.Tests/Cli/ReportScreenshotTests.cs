using Ravine.Cli.Paper;
using System.Diagnostics;
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
        int height = 1100 + 600 * PublishedExperiments.Problems.Count;
        Screenshot(new Uri(Path.Combine(results, "report.html")).AbsoluteUri, screenshot, Path.Combine(folder.Root, "profile"), 1700, height);

        using var bitmap = SKBitmap.Decode(screenshot);
        Assert.NotNull(bitmap);
        Assert.Equal((1700, height), (bitmap.Width, bitmap.Height));
        // Each figure draws GDPolyak in ScottPlot's first palette colour (#1f77b4); count its pixels per figure band.
        var blue = GdPolyakBlue(bitmap);
        Assert.True(blue.Total > 100 * 3 * PublishedExperiments.Problems.Count, $"only {blue.Total} GDPolyak-blue pixels in the screenshot");
        Assert.True(blue.Columns == 3, $"GDPolyak's line appears in {blue.Columns} of the three figure columns");
        Assert.True(blue.Bands == PublishedExperiments.Problems.Count, $"GDPolyak's line appears in {blue.Bands} bands of rows, not one per problem");
        Assert.True(new FileInfo(screenshot).Length > 50_000, "the screenshot is suspiciously small");
        Assert.True(BlankBelow(bitmap, bitmap.Height - 40), "the page runs past the window: the last figures were not all captured");
    }

    /// <summary>
    /// Pixels of ScottPlot's first palette colour (#1f77b4, GDPolyak's): how many, in how many thirds of the page width,
    /// and in how many bands of rows separated by blue-free gaps (one band per problem's row of figures).
    /// </summary>
    private static (int Total, int Columns, int Bands) GdPolyakBlue(SKBitmap bitmap)
    {
        int total = 0, bands = 0, lastBlueRow = -1000;
        var perColumn = new int[3];
        for (int y = 0; y < bitmap.Height; y++)
        {
            int inRow = 0;
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - 0x1f) < 40 && Math.Abs(c.Green - 0x77) < 40 && Math.Abs(c.Blue - 0xb4) < 40)
                {
                    inRow++;
                    perColumn[Math.Min(2, x * 3 / bitmap.Width)]++;
                }
            }
            if (inRow == 0) continue;
            total += inRow;
            if (y - lastBlueRow > 60) bands++;
            lastBlueRow = y;
        }
        return (total, perColumn.Count(n => n > 50), bands);
    }

    private static bool BlankBelow(SKBitmap bitmap, int row)
    {
        for (int y = row; y < bitmap.Height; y++)
        for (int x = 0; x < bitmap.Width; x++)
            if (bitmap.GetPixel(x, y) is var c && (c.Red < 240 || c.Green < 240 || c.Blue < 240))
                return false;
        return true;
    }

    private static void Screenshot(string url, string png, string profile, int width, int height)
    {
        var start = new ProcessStartInfo(FactNeedsChromiumAttribute.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={profile}", $"--screenshot={png}",
                     $"--window-size={width},{height}", url,
                 })
            start.ArgumentList.Add(argument);
        using var chromium = Process.Start(start)!;
        var stderr = chromium.StandardError.ReadToEndAsync();
        var stdout = chromium.StandardOutput.ReadToEndAsync();
        if (!chromium.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            chromium.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish the screenshot within 90 s.");
        }
        Assert.True(File.Exists(png), $"Chromium wrote no screenshot (exit {chromium.ExitCode}): {stderr.Result}{stdout.Result}");
    }
}
