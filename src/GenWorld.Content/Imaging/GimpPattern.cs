using System.Buffers.Binary;
using System.Text;

namespace GenWorld.Content.Imaging;

/// <summary>
/// GIMP pattern files (<c>.pat</c>): a big-endian header (header size, version, width, height, bytes per pixel, "GPAT",
/// UTF-8 name), then width × height pixels of 1 (grey), 2 (grey+alpha), 3 (RGB) or 4 (RGBA) bytes.
/// </summary>
public static class GimpPattern
{
    private const int FixedHeader = 24;

    /// <summary>Decodes a pattern to RGBA8; throws <see cref="ImageDecodeException"/> on a bad header or short data.</summary>
    public static RgbaImage Decode(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < FixedHeader)
            throw new ImageDecodeException("corrupt pat", $"{name}: {bytes.Length} bytes is shorter than a GIMP pattern header ({FixedHeader})");
        var span = bytes.AsSpan();
        var headerSize = BinaryPrimitives.ReadUInt32BigEndian(span);
        var version = BinaryPrimitives.ReadUInt32BigEndian(span[4..]);
        var width = BinaryPrimitives.ReadUInt32BigEndian(span[8..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(span[12..]);
        var bpp = BinaryPrimitives.ReadUInt32BigEndian(span[16..]);
        if (!span.Slice(20, 4).SequenceEqual("GPAT"u8))
            throw new ImageDecodeException("corrupt pat", $"{name}: bad magic '{Encoding.ASCII.GetString(bytes, 20, 4)}' (expected GPAT)");
        if (version != 1) throw new ImageDecodeException("unsupported pat", $"{name}: pattern version {version} (only 1 is known)");
        if (headerSize < FixedHeader || headerSize > bytes.Length)
            throw new ImageDecodeException("corrupt pat", $"{name}: header size {headerSize} is outside {FixedHeader}..{bytes.Length}");
        if (width is 0 or > 16384 || height is 0 or > 16384)
            throw new ImageDecodeException("corrupt pat", $"{name}: size {width}x{height} is zero or implausible");
        if (bpp is < 1 or > 4) throw new ImageDecodeException("unsupported pat", $"{name}: {bpp} bytes per pixel (expected 1..4)");
        var count = (long)width * height;
        if (headerSize + count * bpp > bytes.Length)
            throw new ImageDecodeException("truncated pat", $"{name}: {bytes.Length - headerSize} pixel bytes, {count * bpp} expected for {width}x{height}x{bpp}");
        var rgba = new byte[count * 4];
        var src = (int)headerSize;
        for (long p = 0; p < count; p++, src += (int)bpp)
        {
            var d = p * 4;
            byte r = bytes[src], g = r, b = r, a = 255;
            if (bpp == 2) a = bytes[src + 1];
            if (bpp >= 3) { g = bytes[src + 1]; b = bytes[src + 2]; }
            if (bpp == 4) a = bytes[src + 3];
            rgba[d] = r; rgba[d + 1] = g; rgba[d + 2] = b; rgba[d + 3] = a;
        }
        return new RgbaImage((int)width, (int)height, rgba);
    }
}
