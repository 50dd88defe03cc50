namespace GenWorld.Rendering.Field;

/// <summary>
/// An RGBA8 image for a nearby object (a generated texture tile), top row first. The renderer caches the GL texture per
/// object id and re-uploads only when it is handed a different <see cref="TileImage"/> instance: keep the instance while
/// the content is unchanged, make a new one when it changes.
/// </summary>
public sealed class TileImage
{
    /// <summary>Wraps <paramref name="rgba"/> (not copied: do not change it afterwards).</summary>
    public TileImage(byte[] rgba, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(rgba);
        if (width < 1 || height < 1 || width > 4096 || height > 4096)
            throw new ArgumentOutOfRangeException(nameof(width), $"Tile size {width}x{height} is outside 1..4096.");
        if (rgba.Length != width * height * 4)
            throw new ArgumentException($"A {width}x{height} RGBA8 tile needs {width * height * 4} bytes, got {rgba.Length}.", nameof(rgba));
        (Rgba, Width, Height) = (rgba, width, height);
    }

    /// <summary>Pixels, R G B A per pixel, top row first.</summary>
    public byte[] Rgba { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>A tile of one colour (placeholders, tests).</summary>
    public static TileImage Solid(Rgba8 colour, int width = 8, int height = 8)
    {
        var rgba = new byte[width * height * 4];
        for (int i = 0; i < rgba.Length; i += 4) (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = (colour.R, colour.G, colour.B, colour.A);
        return new TileImage(rgba, width, height);
    }
}
