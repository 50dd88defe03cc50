using GenWorld.Content.Imaging;

namespace GenWorld.Content.Textures;

/// <summary>
/// Seeded random square crops of a source image at a few scales, resampled to a tile. Downscales average whole source
/// pixel blocks (exact area averaging for the integer factors used); upscales of pixel art repeat pixels (nearest).
/// </summary>
public static class TileCropper
{
    /// <summary>Plans <paramref name="count"/> crops per scale factor that fits; deterministic for a seed.</summary>
    /// <param name="width">Source width.</param>
    /// <param name="height">Source height.</param>
    /// <param name="tileSize">Output tile side.</param>
    /// <param name="factors">Source pixels per tile pixel (e.g. 1, 2, 4 for downscales; 0.25 for a ×4 nearest upscale).</param>
    /// <param name="count">Crops per factor.</param>
    /// <param name="wraps">True when the source tiles seamlessly, so crops may wrap around its edges.</param>
    /// <param name="seed">Random seed.</param>
    public static IReadOnlyList<TileCrop> Plan(int width, int height, int tileSize, IEnumerable<double> factors, int count, bool wraps, int seed)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (tileSize <= 0 || count < 0) throw new ArgumentException($"tile size {tileSize} and count {count} must be positive");
        var random = new Random(seed);
        var crops = new List<TileCrop>();
        foreach (var factor in factors)
        {
            var side = (int)Math.Round(tileSize * factor);
            if (side < 1 || (!wraps && (side > width || side > height))) continue;
            for (var i = 0; i < count; i++)
            {
                var x = wraps ? random.Next(width) : random.Next(width - side + 1);
                var y = wraps ? random.Next(height) : random.Next(height - side + 1);
                crops.Add(new TileCrop(x, y, side, tileSize));
            }
        }
        return crops;
    }

    /// <summary>Cuts and resamples one crop (source coordinates wrap modulo the image size).</summary>
    public static RgbaImage Cut(RgbaImage source, TileCrop crop)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(crop);
        var n = crop.TileSize;
        var pixels = new byte[n * n * 4];
        if (crop.SourceSize <= n)
        {
            for (var y = 0; y < n; y++)
                for (var x = 0; x < n; x++)
                {
                    var sx = (crop.X + x * crop.SourceSize / n) % source.Width;
                    var sy = (crop.Y + y * crop.SourceSize / n) % source.Height;
                    Array.Copy(source.Pixels, (sy * source.Width + sx) * 4, pixels, (y * n + x) * 4, 4);
                }
            return new RgbaImage(n, n, pixels);
        }
        if (crop.SourceSize % n != 0) throw new ArgumentException($"downscale {crop.SourceSize}→{n} is not an integer factor");
        var f = crop.SourceSize / n;
        var sums = new int[4];
        for (var y = 0; y < n; y++)
            for (var x = 0; x < n; x++)
            {
                Array.Clear(sums);
                for (var dy = 0; dy < f; dy++)
                    for (var dx = 0; dx < f; dx++)
                    {
                        var s = (((crop.Y + y * f + dy) % source.Height) * source.Width + (crop.X + x * f + dx) % source.Width) * 4;
                        for (var c = 0; c < 4; c++) sums[c] += source.Pixels[s + c];
                    }
                for (var c = 0; c < 4; c++) pixels[(y * n + x) * 4 + c] = (byte)((sums[c] + f * f / 2) / (f * f));
            }
        return new RgbaImage(n, n, pixels);
    }
}
