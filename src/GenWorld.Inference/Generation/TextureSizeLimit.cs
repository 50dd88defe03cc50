namespace GenWorld.Inference.Generation;

/// <summary>
/// Which tile sizes a texture model may be asked for, checked before any work: a multiple of the model's cell
/// (<see cref="TextureGenerator.PixelsPerCell"/>), 16..2048 px, and small enough for the memory there is. The network's
/// activations grow with the pixel count: peak RSS of `generate texture` here was 124 / 229 / 647 MiB at 256 / 512 /
/// 1024 px (about 560 bytes a pixel above ~90 MB), and 12.3 GB was reported at 4096 px (about 730 bytes a pixel);
/// <see cref="BytesPerPixel"/> covers both.
/// </summary>
public static class TextureSizeLimit
{
    /// <summary>Largest tile side.</summary>
    public const int MaxSize = 2048;

    /// <summary>Bytes of memory a generated pixel needs at the peak (the larger measured figure, rounded up).</summary>
    public const long BytesPerPixel = 768;

    /// <summary>Estimated peak memory for a <paramref name="size"/>² tile.</summary>
    public static long EstimateBytes(int size) => (long)size * size * BytesPerPixel;

    /// <summary>Null when <paramref name="size"/> is usable with <paramref name="availableBytes"/> of memory; else the problem (naming --size).</summary>
    public static string? Problem(int size, long availableBytes)
    {
        int step = TextureGenerator.PixelsPerCell;
        if (size < step || size > MaxSize || size % step != 0)
            return $"--size {size}: must be a multiple of {step} between {step} and {MaxSize} (pixels per side).";
        long needed = EstimateBytes(size);
        if (needed > availableBytes * 8 / 10)
            return $"--size {size}: needs about {needed / 1e9:F1} GB of memory, and {availableBytes / 1e9:F1} GB is available; ask for a smaller tile (it tiles seamlessly, so repeat it instead).";
        return null;
    }
}
