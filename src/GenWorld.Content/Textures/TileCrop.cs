namespace GenWorld.Content.Textures;

/// <summary>A tile cut from a source image: the source rectangle and the tile size it was resampled to.</summary>
/// <param name="X">Left edge in source pixels (may pass the right edge when the source wraps around).</param>
/// <param name="Y">Top edge in source pixels.</param>
/// <param name="SourceSize">Side of the square source rectangle in source pixels.</param>
/// <param name="TileSize">Side of the output tile.</param>
public sealed record TileCrop(int X, int Y, int SourceSize, int TileSize)
{
    /// <summary>Output pixels per source pixel (0.25 = 4:1 area-averaged downscale, 4 = nearest-neighbour upscale).</summary>
    public double Scale => (double)TileSize / SourceSize;

    /// <summary>The rectangle as <c>x,y,w,h</c> for the manifest.</summary>
    public string Rect => $"{X},{Y},{SourceSize},{SourceSize}";
}
