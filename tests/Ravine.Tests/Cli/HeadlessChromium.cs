using System.Diagnostics;
using SkiaSharp;

namespace Ravine.Tests.Cli;

/// <summary>Screenshots of a page in Debian's headless Chromium, and pixel counts on them.</summary>
internal static class HeadlessChromium
{
    /// <summary>Renders <paramref name="url"/> at the given window size into <paramref name="png"/>.</summary>
    public static void Screenshot(string url, string png, string profile, int width, int height)
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

    /// <summary>
    /// Pixels near <paramref name="colour"/>: how many, in which thirds of the page width (those with more than 50),
    /// and in how many bands of rows separated by gaps of more than 60 rows without it.
    /// </summary>
    public static (int Total, int Columns, int Bands) Count(SKBitmap bitmap, SKColor colour)
    {
        int total = 0, bands = 0, lastRow = -1000;
        var perColumn = new int[3];
        for (int y = 0; y < bitmap.Height; y++)
        {
            int inRow = 0;
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - colour.Red) < 40 && Math.Abs(c.Green - colour.Green) < 40 && Math.Abs(c.Blue - colour.Blue) < 40)
                {
                    inRow++;
                    perColumn[Math.Min(2, x * 3 / bitmap.Width)]++;
                }
            }
            if (inRow == 0) continue;
            total += inRow;
            if (y - lastRow > 60) bands++;
            lastRow = y;
        }
        return (total, perColumn.Count(n => n > 50), bands);
    }
}
