using GenWorld.Core.IO;
using SkiaSharp;

namespace GenWorld.Rendering.Imaging;

/// <summary>RGBA8 (straight alpha, top row first) to and from PNG through SkiaSharp; files are written atomically.</summary>
public static class PngImage
{
    /// <summary>Encodes <paramref name="rgba"/> and writes it to <paramref name="path"/> (temp file, fsync, rename).</summary>
    public static void Save(string path, ReadOnlySpan<byte> rgba, int width, int height)
    {
        byte[] png = Encode(rgba, width, height);
        AtomicFile.WriteAllBytes(path, png);
    }

    /// <summary>Encodes RGBA8 pixels as PNG bytes.</summary>
    public static unsafe byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (rgba.Length != width * height * 4)
            throw new ArgumentException($"Expected {width}x{height}x4 = {width * height * 4} bytes of RGBA, got {rgba.Length}.", nameof(rgba));
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        fixed (byte* p = rgba)
        {
            using var pixmap = new SKPixmap(info, (IntPtr)p, width * 4);
            using SKData? data = pixmap.Encode(SKEncodedImageFormat.Png, 100);
            return data?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp could not encode a {width}x{height} PNG.");
        }
    }

    /// <summary>Largest image side read (16384², 1 GiB of RGBA, is already far beyond any tile).</summary>
    public const int MaxSide = 16384;

    /// <summary>Decodes a PNG file to RGBA8, top row first.</summary>
    public static unsafe (byte[] Rgba, int Width, int Height) Load(string path)
    {
        using var codec = SKCodec.Create(path) ?? throw new InvalidDataException($"{path} is not an image SkiaSharp can decode.");
        // Validate, then allocate: a header may claim any size; the buffer below is width × height × 4 bytes.
        if (codec.Info.Width is < 1 or > MaxSide || codec.Info.Height is < 1 or > MaxSide)
            throw new InvalidDataException($"{path}: {codec.Info.Width}x{codec.Info.Height} pixels is outside 1..{MaxSide} per side.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        byte[] rgba = new byte[info.BytesSize];
        fixed (byte* p = rgba)
        {
            SKCodecResult result = codec.GetPixels(info, (IntPtr)p);
            if (result != SKCodecResult.Success) throw new InvalidDataException($"Decoding {path} failed: {result}.");
        }
        return (rgba, info.Width, info.Height);
    }
}
