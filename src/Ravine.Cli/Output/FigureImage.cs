using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace Ravine.Cli.Output;

/// <summary>A drawn plot as the two files every figure is written as: PNG bytes and SVG text, at the figures' size.</summary>
internal static partial class FigureImage
{
    // Line art on white: the "up" filter with light deflate makes files about a fifth larger than libpng's default
    // (all five filters tried on every row, level 6), in a fifth of the time, which was most of a small run's drawing.
    private static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.Up, 3);

    /// <summary>The plot rendered at <see cref="Figures.Width"/> × <see cref="Figures.Height"/>, as a PNG file.</summary>
    public static byte[] Png(Plot plot)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Figures.Width, Figures.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not create a raster surface for a figure.");
        plot.Render(surface.Canvas, Figures.Width, Figures.Height);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels() ?? throw new InvalidOperationException("SkiaSharp gave no pixels for a rendered figure.");
        using var data = pixels.Encode(PngOptions) ?? throw new InvalidOperationException("SkiaSharp could not encode a figure as PNG.");
        return data.ToArray();
    }

    /// <summary>
    /// The plot as SVG text that scales to its box, with its clip paths numbered from 1. Safe to call from any
    /// thread, but one SVG is drawn at a time: SkiaSharp's SVG canvas numbers clip paths with one process-wide counter,
    /// and two SVGs drawn at once were seen to swap clip paths. The numbering from 1 makes the text independent of
    /// what the process drew before, so the files are the same whatever the order.
    /// </summary>
    public static string Svg(Plot plot)
    {
        string svg;
        lock (SvgGate) svg = plot.GetSvgXml(Figures.Width, Figures.Height);
        return WithViewBox(NumberClipPathsFromOne(svg));
    }

    private static readonly Lock SvgGate = new();

    /// <summary>Renames the clip paths (<c>id="cl_N"</c>, referred to as <c>url(#cl_N)</c>) cl_1, cl_2, … in the order they first appear.</summary>
    internal static string NumberClipPathsFromOne(string svg)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipPathName().Replace(svg, match =>
        {
            if (!names.TryGetValue(match.Value, out var name)) names[match.Value] = name = $"cl_{names.Count + 1}";
            return name;
        });
    }

    [GeneratedRegex(@"(?<=id=""|url\(#)cl_[0-9a-f]+(?=[""\)])", RegexOptions.CultureInvariant)]
    private static partial Regex ClipPathName();

    // ScottPlot's SVG has a fixed width and height but no viewBox, so a browser crops it instead of scaling it to its box.
    internal static string WithViewBox(string svg)
    {
        int root = svg.IndexOf("<svg ", StringComparison.Ordinal);
        if (root < 0 || svg.IndexOf("viewBox", root, StringComparison.Ordinal) is int v && v >= 0 && v < svg.IndexOf('>', root)) return svg;
        return svg.Insert(root + 5, $"viewBox=\"0 0 {Figures.Width} {Figures.Height}\" preserveAspectRatio=\"xMidYMid meet\" ");
    }
}
