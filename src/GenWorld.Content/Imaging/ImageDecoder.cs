using StbImageSharp;

namespace GenWorld.Content.Imaging;

/// <summary>Decodes PNG, JPEG, TGA (StbImageSharp) and GIMP <c>.pat</c> files to RGBA8.</summary>
public static class ImageDecoder
{
    /// <summary>File extensions (lower case, with dot) this decoder reads.</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.Ordinal) { ".png", ".jpg", ".jpeg", ".tga", ".pat" };

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
}
