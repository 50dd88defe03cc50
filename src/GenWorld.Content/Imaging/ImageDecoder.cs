using SkiaSharp;
using StbImageSharp;

namespace GenWorld.Content.Imaging;

/// <summary>
/// Decodes PNG, JPEG, TGA (StbImageSharp), WebP, BMP and GIF (first frame; SkiaSharp, for a user's own folders) and GIMP
/// <c>.pat</c> files to RGBA8. The built datasets' formats stay with StbImageSharp, so their tiles do not change.
/// </summary>
public static class ImageDecoder
{
    /// <summary>File extensions (lower case, with dot) this decoder reads.</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.Ordinal) { ".png", ".jpg", ".jpeg", ".tga", ".pat", ".webp", ".bmp", ".gif" };

    // Formats StbImageSharp does not read (WebP) or reads less completely than Skia's codecs (BMP variants, GIF).
    private static readonly HashSet<string> ViaSkia = new(StringComparer.Ordinal) { ".webp", ".bmp", ".gif" };

    /// <summary>Decodes a file from disk.</summary>
    public static RgbaImage DecodeFile(string path) => Decode(File.ReadAllBytes(path), Path.GetExtension(path), path);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="name"/> is used in error messages. Throws <see cref="ImageDecodeException"/>.</summary>
    public static RgbaImage Decode(byte[] bytes, string extension, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var ext = extension.ToLowerInvariant();
        if (!Extensions.Contains(ext))
            throw new ImageDecodeException("unsupported format", $"{name}: '{ext}' images are not supported (expected png, jpg, tga or pat)");
        if (bytes.Length == 0) throw new ImageDecodeException("empty file", $"{name}: the file is empty");
        if (ext == ".pat") return GimpPattern.Decode(bytes, name);
        var kind = ext == ".jpeg" ? "jpg" : ext[1..];
        if (ViaSkia.Contains(ext)) return DecodeWithSkia(bytes, kind, name);
        ImageResult result;
        try { result = ImageResult.FromMemory(bytes, ColorComponents.RedGreenBlueAlpha); }
        // StbImageSharp reports malformed input with several exception types (and a decoder bug on hostile bytes would be
        // one more); any failure to decode one file is that file's problem, never the build's.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ImageDecodeException($"corrupt {kind}", $"{name}: not a readable {kind} image ({e.Message})", e);
        }
        if (result is null || result.Data is null || result.Width <= 0 || result.Height <= 0 || result.Data.Length != result.Width * result.Height * 4)
            throw new ImageDecodeException($"corrupt {kind}", $"{name}: the {kind} decoder returned no pixels");
        return new RgbaImage(result.Width, result.Height, result.Data);
    }

    private static RgbaImage DecodeWithSkia(byte[] bytes, string kind, string name)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
            throw new ImageDecodeException($"corrupt {kind}", $"{name}: not a readable {kind} image");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pixels = new byte[info.BytesSize64];
        SKCodecResult result;
        unsafe
        {
            fixed (byte* p = pixels) result = codec.GetPixels(info, (IntPtr)p);
        }
        // IncompleteInput is a truncated file: its missing rows are blank, which would teach a texture model blank tiles.
        if (result != SKCodecResult.Success)
            throw new ImageDecodeException($"corrupt {kind}", $"{name}: not a readable {kind} image ({result})");
        return new RgbaImage(info.Width, info.Height, pixels);
    }
}
