namespace GenWorld.Core.Imaging;

/// <summary>
/// Seam check for tileable textures: mean squared neighbour difference across the wrap-around edges (last column to
/// first, last row to first) divided by the same energy inside the tile. A tile that wraps seamlessly scores ≈ 1; a hard
/// seam scores well above 1. The one implementation: the texture GAN's report, the evaluation and the tests all call it.
/// </summary>
public static class SeamMetric
{
    /// <summary>Seam energy / interior energy over all neighbour pairs of the batch.</summary>
    public static double Ratio(PlanarImages images) => Compute(images, period: 1);

    /// <summary>
    /// Like <see cref="Ratio"/> but the interior only counts neighbour pairs that straddle a multiple of
    /// <paramref name="period"/> pixels. The texture generator upsamples a latent grid by 16, so those interior edges are
    /// statistically the same kind of edge as the wrap-around one; this separates "does it wrap" from the upsampling
    /// grid's own texture.
    /// </summary>
    public static double PhaseMatchedRatio(PlanarImages images, int period) => Compute(images, period);

    private static double Compute(PlanarImages images, int period)
    {
        if (images.Values is null) throw new ArgumentException("No images.", nameof(images));
        if (images.Height < 2 || images.Width < 2)
            throw new ArgumentException($"Seam check needs [N, C, H, W] with H, W >= 2, got [{images.Count}, {images.Channels}, {images.Height}, {images.Width}].", nameof(images));
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        int h = images.Height, w = images.Width;
        if (period > 1 && (h % period != 0 || w % period != 0 || h / period < 2 || w / period < 2))
            throw new ArgumentException($"Phase-matched seam check needs H and W to be at least two multiples of {period}, got {h}×{w}.", nameof(images));
        (double seamH, double interiorH) = Axis(images, horizontal: true, period);
        (double seamV, double interiorV) = Axis(images, horizontal: false, period);
        double interior = interiorH + interiorV;
        if (interior <= 0) throw new ArgumentException("The images are flat (no interior gradient energy); the seam ratio is undefined.", nameof(images));
        return (seamH + seamV) / interior;
    }

    /// <summary>Mean squared wrap difference and mean squared interior difference along one axis.</summary>
    private static (double Seam, double Interior) Axis(PlanarImages images, bool horizontal, int period)
    {
        int along = horizontal ? images.Width : images.Height, across = horizontal ? images.Height : images.Width;
        double seam = 0, interior = 0;
        long interiorPairs = 0;
        for (int n = 0; n < images.Count; n++)
            for (int c = 0; c < images.Channels; c++)
                for (int line = 0; line < across; line++)
                {
                    float At(int i) => horizontal ? images.At(n, c, line, i) : images.At(n, c, i, line);
                    double wrap = At(0) - At(along - 1);
                    seam += wrap * wrap;
                    // Pair (j, j+1) straddles a cell boundary when j+1 is a multiple of the period (every pair when period is 1).
                    for (int j = period - 1; j + 1 < along; j += period)
                    {
                        double d = At(j + 1) - At(j);
                        interior += d * d;
                        interiorPairs++;
                    }
                }
        long lines = (long)images.Count * images.Channels * across;
        return (seam / lines, interior / interiorPairs);
    }
}
