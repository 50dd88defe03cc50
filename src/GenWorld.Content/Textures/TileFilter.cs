using GenWorld.Content.Imaging;

namespace GenWorld.Content.Textures;

/// <summary>Rejects source images and tiles that would teach a texture model nothing: transparent, flat, or repeated.</summary>
public sealed class TileFilter
{
    /// <summary>Largest fraction of pixels with alpha below 250 that a material image may have.</summary>
    public const double MaxTransparentFraction = 0.01;

    /// <summary>Luminance standard deviation (0..255 scale) below which a source image counts as flat.</summary>
    public const double MinSourceStdDev = 6;

    /// <summary>Luminance standard deviation below which a tile counts as flat.</summary>
    public const double MinTileStdDev = 4;

    private readonly HashSet<ulong> _seen = [];

    /// <summary>Null when a source image is usable, else the skip reason.</summary>
    public static string? RejectSource(RgbaImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.TransparentFraction() > MaxTransparentFraction) return "alpha (transparent pixels)";
        if (image.LumaStdDev() < MinSourceStdDev) return "flat image (low variance)";
        return null;
    }

    /// <summary>Null when a tile is kept (and remembered), else the skip reason: near-flat or a near-duplicate of a kept tile.</summary>
    public string? RejectTile(RgbaImage tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        if (tile.LumaStdDev() < MinTileStdDev) return "near-flat crop";
        return _seen.Add(Signature(tile)) ? null : "duplicate crop";
    }

    /// <summary>
    /// A 64-bit signature: 8×8 block mean luminance, each bit set when above the tile mean, so re-encoded or shifted-by-a-pixel
    /// copies of the same area collide while different areas rarely do.
    /// </summary>
    public static ulong Signature(RgbaImage tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        var blocks = new double[64];
        for (var y = 0; y < tile.Height; y++)
            for (var x = 0; x < tile.Width; x++)
                blocks[y * 8 / tile.Height * 8 + x * 8 / tile.Width] += tile.Luma(x, y);
        var mean = blocks.Average();
        ulong bits = 0;
        for (var i = 0; i < 64; i++) if (blocks[i] > mean) bits |= 1UL << i;
        return bits;
    }
}
