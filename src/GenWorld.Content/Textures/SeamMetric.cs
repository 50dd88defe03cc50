using GenWorld.Content.Imaging;

namespace GenWorld.Content.Textures;

/// <summary>
/// How visible the seam is when a texture is tiled: the mean squared luminance step across the wrap-around edges (last
/// column to first, last row to first) divided by the mean squared step between neighbours inside the image. A seamless
/// texture scores about 1; a texture whose edges do not match scores far above 1.
/// </summary>
public static class SeamMetric
{
    /// <summary>The seam ratio of <paramref name="image"/> (at least 2×2). A perfectly flat image gives 1.</summary>
    public static double Ratio(RgbaImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Width < 2 || image.Height < 2) throw new ArgumentException($"seam ratio needs at least 2x2 pixels, got {image.Width}x{image.Height}");
        int w = image.Width, h = image.Height;
        double edge = 0, inner = 0;
        for (var y = 0; y < h; y++)
        {
            edge += Sq(image.Luma(w - 1, y) - image.Luma(0, y));
            for (var x = 0; x + 1 < w; x++) inner += Sq(image.Luma(x + 1, y) - image.Luma(x, y));
        }
        for (var x = 0; x < w; x++)
        {
            edge += Sq(image.Luma(x, h - 1) - image.Luma(x, 0));
            for (var y = 0; y + 1 < h; y++) inner += Sq(image.Luma(x, y + 1) - image.Luma(x, y));
        }
        var edgeMean = edge / (w + h);
        var innerMean = inner / ((double)h * (w - 1) + (double)w * (h - 1));
        // A small floor keeps the ratio finite for flat interiors (0..255 luminance, so 1e-3 is far below one grey level).
        const double floor = 1e-3;
        return (edgeMean + floor) / (innerMean + floor);
    }

    private static double Sq(double v) => v * v;
}
