namespace GenWorld.Training.Export;

/// <summary>
/// Padding helpers. Opset 17's Pad has no 'wrap' mode, so circular padding (tileable textures) is written as
/// Slice + Concat per axis; it works for any batch size and needs each pad to be at most the axis length.
/// </summary>
public static class OnnxPadding
{
    /// <summary>
    /// Circular padding in torch's F.pad order: pairs (before, after) for the last axis first, then the one before it.
    /// For an image, (left, right, top, bottom).
    /// </summary>
    public static string Circular(OnnxGraphBuilder g, string x, IReadOnlyList<long> torchPads)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(torchPads);
        if (torchPads.Count % 2 != 0)
            throw new ArgumentException($"Circular padding needs (before, after) pairs, got {torchPads.Count} values.", nameof(torchPads));
        for (int pair = 0; pair < torchPads.Count / 2; pair++)
            x = WrapAxis(g, x, -(pair + 1), torchPads[2 * pair], torchPads[2 * pair + 1]);
        return x;
    }

    /// <summary>Wraps one axis: the last <paramref name="before"/> entries go in front, the first <paramref name="after"/> behind.</summary>
    public static string WrapAxis(OnnxGraphBuilder g, string x, long axis, long before, long after)
    {
        ArgumentNullException.ThrowIfNull(g);
        if (before < 0 || after < 0)
            throw new ArgumentOutOfRangeException(nameof(before), $"Circular pads must be >= 0 (got {before}, {after}).");
        if (before == 0 && after == 0) return x;
        var parts = new List<string>(3);
        if (before > 0) parts.Add(g.Slice(x, axis, -before, long.MaxValue));
        parts.Add(x);
        if (after > 0) parts.Add(g.Slice(x, axis, 0, after));
        return g.Concat(axis, [.. parts]);
    }

    /// <summary>
    /// Pad with ONNX mode "constant" (zeros), "reflect" or "edge" on the trailing <paramref name="spatialPads"/>.Count/2 axes
    /// of a tensor of rank <paramref name="rank"/>; pads are in torch F.pad order (last axis first).
    /// </summary>
    public static string Pad(OnnxGraphBuilder g, string x, int rank, IReadOnlyList<long> spatialPads, string mode)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(spatialPads);
        int spatial = spatialPads.Count / 2;
        if (spatialPads.Count % 2 != 0 || spatial > rank)
            throw new ArgumentException($"Pads {spatialPads.Count} values do not fit rank {rank}.", nameof(spatialPads));
        // ONNX order: all begins (axis 0..rank-1), then all ends.
        long[] pads = new long[2 * rank];
        for (int pair = 0; pair < spatial; pair++)
        {
            int axis = rank - 1 - pair;
            pads[axis] = spatialPads[2 * pair];
            pads[rank + axis] = spatialPads[2 * pair + 1];
        }
        return g.AddNode("Pad", [x, g.AddInt64s(pads)], OnnxAttribute.String("mode", mode));
    }
}
