using Ravine.Cli.Output;
using ScottPlot;
using SkiaSharp;

namespace Ravine.Tests.Cli;

/// <summary>The files a figure is written as: the PNG's pixels, and SVG text that does not depend on what was drawn before.</summary>
public class FigureImageTests
{
    private static Plot Sample(string title)
    {
        var plot = new Plot();
        plot.Add.Scatter(new double[] { 0, 1, 2, 3 }, new double[] { 2, -1, -3, -8 });
        plot.Title(title);
        plot.XLabel("iteration");
        plot.YLabel("gap (log scale)");
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "GDPolyak", MarkerShape = MarkerShape.FilledCircle });
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }

    private static byte[] Pixels(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((Figures.Width, Figures.Height), (bitmap.Width, bitmap.Height));
        using var rgba = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.True(bitmap.CopyTo(rgba, SKColorType.Rgba8888));
        return rgba.Bytes;
    }

    [Fact]
    public void The_png_has_the_pixels_ScottPlot_renders()
    {
        // Our encoder settings trade file size for time; the picture must be the one ScottPlot's own PNG shows.
        byte[] ours = FigureImage.Png(Sample("pixels"));
        byte[] scottPlots = Sample("pixels").GetImageBytes(Figures.Width, Figures.Height, ImageFormat.Png);
        Assert.True(Pixels(ours).AsSpan().SequenceEqual(Pixels(scottPlots)));
    }

    [Fact]
    public void An_svg_is_the_same_text_whatever_was_drawn_before_it()
    {
        // SkiaSharp numbers clip paths with one counter per process: without renumbering, the second copy would differ.
        string first = FigureImage.Svg(Sample("same"));
        FigureImage.Svg(Sample("something else"));
        string again = FigureImage.Svg(Sample("same"));
        Assert.Equal(first, again);
        Assert.Contains("id=\"cl_1\"", first);
        Assert.Contains("url(#cl_1)", first);
    }

    [Fact]
    public void Svgs_drawn_from_several_threads_at_once_are_each_whole()
    {
        string expected = FigureImage.Svg(Sample("threads"));
        var texts = new string[8];
        Parallel.For(0, texts.Length, i => texts[i] = FigureImage.Svg(Sample("threads")));
        Assert.All(texts, text => Assert.Equal(expected, text));
    }

    [Fact]
    public void Clip_paths_are_numbered_in_order_of_first_appearance_and_nothing_else_is_touched()
    {
        const string svg = """<svg><clipPath id="cl_7"/><g clip-path="url(#cl_7)"><text>cl_7</text></g><clipPath id="cl_1a"/><g clip-path="url(#cl_1a)"/></svg>""";
        Assert.Equal("""<svg><clipPath id="cl_1"/><g clip-path="url(#cl_1)"><text>cl_7</text></g><clipPath id="cl_2"/><g clip-path="url(#cl_2)"/></svg>""",
            FigureImage.NumberClipPathsFromOne(svg));
    }
}
