using System.Buffers.Binary;
using GenWorld.Content.Imaging;

namespace GenWorld.Content.Tests.Textures;

/// <summary>Images and files made in the tests.</summary>
internal static class TestImages
{
    public static RgbaImage Noise(int size, int seed, byte alpha = 255)
    {
        var random = new Random(seed);
        var pixels = new byte[size * size * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4) pixels[i] = alpha;
        return new RgbaImage(size, size, pixels);
    }

    public static RgbaImage FromLuma(int width, int height, Func<int, int, double> luma)
    {
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var v = (byte)Math.Clamp(Math.Round(luma(x, y)), 0, 255);
                var i = (y * width + x) * 4;
                pixels[i] = pixels[i + 1] = pixels[i + 2] = v;
                pixels[i + 3] = 255;
            }
        return new RgbaImage(width, height, pixels);
    }

    /// <summary>A GIMP .pat file: header (size, version 1, width, height, bpp, "GPAT", name + NUL), then pixels.</summary>
    public static byte[] Pattern(int width, int height, int bpp, byte[] pixels, string name = "test", string magic = "GPAT", int? headerSize = null)
    {
        var nameBytes = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        var header = headerSize ?? 24 + nameBytes.Length;
        var bytes = new byte[24 + nameBytes.Length + pixels.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)header);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(12), (uint)height);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), (uint)bpp);
        System.Text.Encoding.ASCII.GetBytes(magic).CopyTo(bytes, 20);
        nameBytes.CopyTo(bytes, 24);
        pixels.CopyTo(bytes, 24 + nameBytes.Length);
        return bytes;
    }
}
