using System.Buffers.Binary;
using System.Security.Cryptography;
using SkiaSharp;

namespace GenWorld.Content.Tests.Import;

/// <summary>
/// A user's image folder made at test time with SkiaSharp: noise and stripes in two subfolders (PNG and JPEG), one image
/// at the top, one between the tile sizes, one too small for any tile, a byte-for-byte copy, a labels.csv, and the bad
/// inputs a real folder holds (a truncated PNG, a 0-byte JPEG, text named .png, a PNG whose header declares 20000×20000,
/// a folder link loop, a text file).
/// </summary>
internal static class ImageFolder
{
    public static string Make()
    {
        var dir = TestPaths.NewTempDir();
        foreach (var sub in new[] { "noise", "stripes", "small", "bad" }) Directory.CreateDirectory(Path.Combine(dir, sub));
        Save(Noise(256, 192, 1), dir, "noise/grain.png");
        Save(Noise(300, 300, 2), dir, "noise/speckle.jpg");
        Save(Noise(160, 160, 3), dir, "noise/fine.png");
        Save(Stripes(256, 256, 12, 0), dir, "stripes/bars.png");
        Save(Stripes(200, 300, 7, 1), dir, "stripes/slant.png");
        Save(Stripes(320, 240, 20, 0), dir, "stripes/wide.jpg");
        Save(Noise(100, 100, 4), dir, "middle.png"); // 64 px tiles only
        Save(Noise(40, 40, 5), dir, "small/tiny.png");
        File.Copy(Path.Combine(dir, "noise/grain.png"), Path.Combine(dir, "stripes/grain-copy.png"));
        File.WriteAllText(Path.Combine(dir, "labels.csv"), "file,group,mood\nstripes/wide.jpg,bars,bold\n");

        var png = File.ReadAllBytes(Path.Combine(dir, "noise/fine.png"));
        File.WriteAllBytes(Path.Combine(dir, "bad/truncated.png"), png[..(png.Length / 3)]);
        File.WriteAllBytes(Path.Combine(dir, "bad/empty.jpg"), []);
        File.WriteAllText(Path.Combine(dir, "bad/notes.png"), "this is a text file, not an image");
        File.WriteAllBytes(Path.Combine(dir, "bad/huge.png"), DeclaringSize(png, 20000, 20000));
        File.WriteAllText(Path.Combine(dir, "bad/readme.txt"), "credits");
        Directory.CreateSymbolicLink(Path.Combine(dir, "bad/loop"), Path.Combine(dir, "bad"));
        return dir;
    }

    /// <summary>Uniform colour noise (seeded).</summary>
    public static SKBitmap Noise(int width, int height, int seed)
    {
        var random = new Random(seed);
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        return bitmap;
    }

    /// <summary>Black and yellow stripes <paramref name="period"/> pixels wide, vertical or diagonal, drawn by SkiaSharp.</summary>
    public static SKBitmap Stripes(int width, int height, int period, int slant)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(20, 20, 30));
        using var paint = new SKPaint { Color = new SKColor(240, 200, 40), StrokeWidth = period / 2f, IsAntialias = true };
        for (var x = -height; x < width + height; x += period) canvas.DrawLine(x, 0, x + slant * height, height, paint);
        return bitmap;
    }

    /// <summary>Encodes by the name's extension (PNG or JPEG at quality 90).</summary>
    public static void Save(SKBitmap bitmap, string dir, string relative)
    {
        using (bitmap)
        {
            var format = relative.EndsWith(".jpg", StringComparison.Ordinal) ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
            using var data = bitmap.Encode(format, 90);
            File.WriteAllBytes(Path.Combine(dir, relative), data.ToArray());
        }
    }

    /// <summary>A copy of a PNG whose IHDR declares another size (CRC fixed), pixels unchanged: a decoder would allocate for the declared size.</summary>
    public static byte[] DeclaringSize(byte[] png, int width, int height)
    {
        var bytes = (byte[])png.Clone();
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17))); // "IHDR" and its 13 bytes
        return bytes;
    }

    /// <summary>Every entry under the folder (links not followed): path, link target, size, SHA-256 and modification time.</summary>
    public static string Snapshot(string dir)
    {
        var lines = new List<string>();
        var pending = new Stack<string>([dir]);
        while (pending.Count > 0)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(pending.Pop()))
            {
                var info = new FileInfo(entry);
                var link = info.LinkTarget;
                var isDir = Directory.Exists(entry);
                if (isDir && link is null) pending.Push(entry);
                var hash = !isDir && link is null ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry))) : "";
                lines.Add($"{Path.GetRelativePath(dir, entry)} {link} {(isDir ? 0 : info.Length)} {hash} {info.LastWriteTimeUtc.Ticks}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
