using System.Buffers.Binary;
using SkiaSharp;
using StbImageSharp;

namespace GenWorld.Content.Imaging;

/// <summary>
/// An image's size read from its header alone, so a file that declares 20000×20000 pixels is refused before a byte of
/// pixels is allocated: decoding costs width × height × 4 bytes whatever the file's size, and a small compressed file can
/// declare a huge image. PNG and JPEG headers are read by SkiaSharp's codec (which reports any size, where StbImageSharp's
/// info pass calls an image over 1 GiB "corrupt"), TGA by StbImageSharp, GIMP patterns from their fixed header.
/// </summary>
public static class ImageHeader
{
    /// <summary>Width and height declared by <paramref name="path"/>'s header; throws <see cref="ImageDecodeException"/> when there is no readable header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">Name for messages (e.g. the path inside an import folder).</param>
    public static (int Width, int Height) ReadSize(string path, string name)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (!ImageDecoder.Extensions.Contains(ext))
            throw new ImageDecodeException("unsupported format", $"{name}: '{ext}' images are not supported");
        var kind = ext == ".jpeg" ? "jpg" : ext[1..];
        using var stream = File.OpenRead(path);
        if (stream.Length == 0) throw new ImageDecodeException("empty file", $"{name}: the file is empty (0 bytes)");
        if (ext == ".pat") return PatternSize(stream, name);
        if (ext == ".tga")
        {
            ImageInfo? info;
            try { info = ImageInfo.FromStream(stream); }
            catch (Exception e) when (e is not OutOfMemoryException and not IOException)
            {
                throw new ImageDecodeException($"corrupt {kind}", $"{name}: not a readable {kind} image ({e.Message})", e);
            }
            if (info is not { Width: > 0, Height: > 0 } size)
                throw new ImageDecodeException($"corrupt {kind}", $"{name}: not a readable {kind} image (no {kind} header)");
            return (size.Width, size.Height);
        }
        using var codec = SKCodec.Create(stream, out var result);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
            throw new ImageDecodeException($"corrupt {kind}", $"{name}: not a readable {kind} image (no {kind} header: {result})");
        return (codec.Info.Width, codec.Info.Height);
    }

    private static (int Width, int Height) PatternSize(Stream stream, string name)
    {
        Span<byte> header = stackalloc byte[16];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            throw new ImageDecodeException("corrupt pat", $"{name}: shorter than a GIMP pattern header");
        uint width = BinaryPrimitives.ReadUInt32BigEndian(header[8..]), height = BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
            throw new ImageDecodeException("corrupt pat", $"{name}: size {width}x{height} is zero or implausible");
        return ((int)width, (int)height);
    }
}
