using System.Runtime.InteropServices;
using GenWorld.Core.IO;
using SkiaSharp;

namespace GenWorld.Content.Imaging;

/// <summary>Encodes RGBA images as PNG with SkiaSharp and writes them atomically.</summary>
public static class PngWriter
{
    /// <summary>PNG bytes of <paramref name="image"/>.</summary>
    public static byte[] Encode(RgbaImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var bitmap = ToBitmap(image);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Writes <paramref name="image"/> to <paramref name="path"/> as PNG (temp file + rename).</summary>
    public static void Write(string path, RgbaImage image) => AtomicFile.WriteAllBytes(path, Encode(image));

    /// <summary>A SkiaSharp bitmap holding a copy of the pixels (unpremultiplied RGBA).</summary>
    public static SKBitmap ToBitmap(RgbaImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Marshal.Copy(image.Pixels, 0, bitmap.GetPixels(), image.Pixels.Length);
        return bitmap;
    }
}
