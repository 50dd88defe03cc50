namespace GenWorld.Core.Imaging;

/// <summary>A batch of images as one planar array [count, channels, height, width] (the layout of a tensor batch).</summary>
public readonly record struct PlanarImages
{
    /// <summary>Wraps <paramref name="values"/>, checking that it holds exactly count × channels × height × width values.</summary>
    public PlanarImages(float[] values, int count, int channels, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (count < 1 || channels < 1 || height < 1 || width < 1)
            throw new ArgumentException($"Images need [N, C, H, W] with every size at least 1, got [{count}, {channels}, {height}, {width}].");
        if (values.Length != (long)count * channels * height * width)
            throw new ArgumentException($"[{count}, {channels}, {height}, {width}] needs {(long)count * channels * height * width} values, got {values.Length}.", nameof(values));
        (Values, Count, Channels, Height, Width) = (values, count, channels, height, width);
    }

    /// <summary>The values, image-major, then channel, row, column.</summary>
    public float[] Values { get; }

    /// <summary>Images in the batch (N).</summary>
    public int Count { get; }

    /// <summary>Channels per image (C).</summary>
    public int Channels { get; }

    /// <summary>Rows (H).</summary>
    public int Height { get; }

    /// <summary>Columns (W).</summary>
    public int Width { get; }

    /// <summary>The value at image <paramref name="n"/>, channel <paramref name="c"/>, row <paramref name="y"/>, column <paramref name="x"/>.</summary>
    public float At(int n, int c, int y, int x) => Values[((((n * Channels) + c) * Height) + y) * Width + x];
}
