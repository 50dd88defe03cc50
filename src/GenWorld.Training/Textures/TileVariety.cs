using static TorchSharp.torch;

namespace GenWorld.Training.Textures;

/// <summary>
/// How much tiles differ from each other in overall colour: the spread across tiles of each tile's mean RGB. A GAN
/// that collapses to one look (every tile the same brown) scores near 0 however detailed each tile is; compare with the
/// same figure on real crops, which is the target.
/// </summary>
public static class TileVariety
{
    /// <summary>
    /// Standard deviation across tiles of the per-tile mean colour, RMS over R, G and B, in [0, 1] pixel units
    /// (tiles are [N, 3, H, W] in [-1, 1]). Needs at least two tiles.
    /// </summary>
    public static double MeanColourSpread(Tensor tiles)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        if (tiles.dim() != 4 || tiles.shape[1] != 3 || tiles.shape[0] < 2)
            throw new ArgumentException($"Tiles must be [N >= 2, 3, H, W], got [{string.Join(", ", tiles.shape)}].", nameof(tiles));
        using var scope = NewDisposeScope();
        // [-1, 1] → [0, 1], so the figure reads in the units of an 8-bit colour divided by 255.
        Tensor means = tiles.to_type(ScalarType.Float64).mean([2, 3]) * 0.5 + 0.5;
        return means.var(0, unbiased: false).mean().sqrt().item<double>();
    }

    /// <summary>
    /// Mean over tiles of the per-tile standard deviation of pixel values (RMS over channels), in [0, 1] units: the
    /// detail inside a tile, so a generator cannot buy <see cref="MeanColourSpread"/> with flat colour fields.
    /// </summary>
    public static double WithinTileSpread(Tensor tiles)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        if (tiles.dim() != 4 || tiles.shape[1] != 3)
            throw new ArgumentException($"Tiles must be [N, 3, H, W], got [{string.Join(", ", tiles.shape)}].", nameof(tiles));
        using var scope = NewDisposeScope();
        Tensor variance = tiles.to_type(ScalarType.Float64).flatten(2).var(2, unbiased: false) * 0.25;
        return variance.mean([1]).sqrt().mean().item<double>();
    }
}
