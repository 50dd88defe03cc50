namespace GenWorld.Content.Imaging;

/// <summary>An 8-bit RGBA image in row-major order (4 bytes per pixel, straight alpha).</summary>
public sealed class RgbaImage
{
    /// <summary>Wraps <paramref name="pixels"/> (length must be width × height × 4).</summary>
    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (width <= 0 || height <= 0) throw new ArgumentException($"image size {width}x{height} must be positive");
        if (pixels.Length != width * height * 4)
            throw new ArgumentException($"{pixels.Length} bytes do not make a {width}x{height} RGBA image ({width * height * 4} expected)");
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>RGBA bytes, row-major.</summary>
    public byte[] Pixels { get; }

    /// <summary>Luminance (Rec. 601, 0..255) of pixel (x, y).</summary>
    public float Luma(int x, int y)
    {
        var i = (y * Width + x) * 4;
        return 0.299f * Pixels[i] + 0.587f * Pixels[i + 1] + 0.114f * Pixels[i + 2];
    }

    /// <summary>Fraction of pixels whose alpha is below 250 (transparency that matters to a material tile).</summary>
    public double TransparentFraction()
    {
        var n = 0;
        for (var i = 3; i < Pixels.Length; i += 4) if (Pixels[i] < 250) n++;
        return (double)n / (Width * Height);
    }

    /// <summary>Standard deviation of luminance over the image (0..~128): low means flat.</summary>
    public double LumaStdDev()
    {
        double sum = 0, sq = 0;
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                double v = Luma(x, y);
                sum += v;
                sq += v * v;
            }
        var n = (double)Width * Height;
        var mean = sum / n;
        return Math.Sqrt(Math.Max(0, sq / n - mean * mean));
    }
}
