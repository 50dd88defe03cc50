using static TorchSharp.torch;

namespace GenWorld.Training.Textures;

/// <summary>
/// Seam check for tileable textures: mean squared neighbour difference across the wrap-around edges (last column
/// to first, last row to first) divided by the same energy inside the tile. A tile that wraps seamlessly scores ≈ 1;
/// a hard seam scores well above 1.
/// </summary>
public static class SeamMetric
{
    /// <summary>Seam energy / interior energy over all neighbour pairs of a batch [N, C, H, W].</summary>
    public static double Ratio(Tensor images) => Compute(images, period: 1);

    /// <summary>
    /// Like <see cref="Ratio"/> but the interior only counts neighbour pairs that straddle a multiple of
    /// <paramref name="period"/> pixels. The generator upsamples a latent grid by 16, so those interior edges are
    /// statistically the same kind of edge as the wrap-around one; this separates "does it wrap" from the upsampling
    /// grid's own texture.
    /// </summary>
    public static double PhaseMatchedRatio(Tensor images, int period) => Compute(images, period);

    private static double Compute(Tensor images, int period)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4 || images.shape[2] < 2 || images.shape[3] < 2)
            throw new ArgumentException($"Seam check needs [N, C, H, W] with H, W >= 2, got [{string.Join(", ", images.shape)}].", nameof(images));
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        long h = images.shape[2], w = images.shape[3];
        if (period > 1 && (h % period != 0 || w % period != 0 || h / period < 2 || w / period < 2))
            throw new ArgumentException($"Phase-matched seam check needs H and W to be at least two multiples of {period}, got {h}×{w}.", nameof(images));
        using var scope = NewDisposeScope();
        Tensor x = images.detach().to_type(ScalarType.Float64);
        (double seamH, double interiorH) = Axis(x, 3, period);
        (double seamV, double interiorV) = Axis(x, 2, period);
        double interior = interiorH + interiorV;
        if (interior <= 0) throw new ArgumentException("The images are flat (no interior gradient energy); the seam ratio is undefined.", nameof(images));
        return (seamH + seamV) / interior;
    }

    private static (double Seam, double Interior) Axis(Tensor x, int axis, int period)
    {
        long size = x.shape[axis];
        Tensor diffs = x.narrow(axis, 1, size - 1) - x.narrow(axis, 0, size - 1);
        Tensor wrap = x.narrow(axis, 0, 1) - x.narrow(axis, size - 1, 1);
        if (period > 1)
        {
            // Pair (j, j+1) straddles a cell boundary when j+1 is a multiple of the period.
            long[] index = [.. Enumerable.Range(1, (int)(size / period) - 1).Select(k => (long)k * period - 1)];
            diffs = diffs.index_select(axis, tensor(index));
        }
        return (wrap.square().mean().item<double>(), diffs.square().mean().item<double>());
    }
}
