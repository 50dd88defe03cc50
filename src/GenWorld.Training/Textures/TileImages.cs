using GenWorld.Core.IO;
using SkiaSharp;
using static TorchSharp.torch;

namespace GenWorld.Training.Textures;

/// <summary>Writes tiles in [-1, 1] ([N, 3, H, W]) as PNG grids: training previews and the report's contact sheet.</summary>
public static class TileImages
{
    /// <summary>Saves <paramref name="tiles"/> as a grid with <paramref name="columns"/> columns and a 2-pixel gap, atomically.</summary>
    public static void SaveGrid(Tensor tiles, int columns, string path) => Save(ToGrid(tiles, columns), path);

    /// <summary>Saves a contact sheet: generated tiles on the left, real tiles on the right, 8 columns each.</summary>
    public static void SaveContactSheet(Tensor generated, Tensor real, string path)
    {
        ArgumentNullException.ThrowIfNull(generated);
        ArgumentNullException.ThrowIfNull(real);
        using SKBitmap left = ToGrid(generated, 8);
        using SKBitmap right = ToGrid(real, 8);
        const int gap = 16;
        var sheet = new SKBitmap(left.Width + gap + right.Width, Math.Max(left.Height, right.Height), SKColorType.Rgba8888, SKAlphaType.Opaque);
        sheet.Erase(SKColors.White);
        Blit(left, sheet, 0);
        Blit(right, sheet, left.Width + gap);
        Save(sheet, path);
    }

    private static SKBitmap ToGrid(Tensor tiles, int columns)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        if (tiles.dim() != 4 || tiles.shape[1] != 3)
            throw new ArgumentException($"Tiles must be [N, 3, H, W], got [{string.Join(", ", tiles.shape)}].", nameof(tiles));
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        int n = (int)tiles.shape[0], h = (int)tiles.shape[2], w = (int)tiles.shape[3];
        int cols = Math.Min(columns, n), rows = (n + cols - 1) / cols;
        const int gap = 2;
        byte[] rgb;
        using (NewDisposeScope())
            rgb = ((tiles.detach().cpu().clamp(-1, 1) + 1) * 127.5).round().to_type(ScalarType.Byte).contiguous().data<byte>().ToArray();
        var bitmap = new SKBitmap(cols * (w + gap) - gap, rows * (h + gap) - gap, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(SKColors.White);
        for (int i = 0; i < n; i++)
        {
            int ox = i % cols * (w + gap), oy = i / cols * (h + gap);
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    int at(int c) => ((i * 3 + c) * h + y) * w + x;
                    bitmap.SetPixel(ox + x, oy + y, new SKColor(rgb[at(0)], rgb[at(1)], rgb[at(2)]));
                }
            }
        }
        return bitmap;
    }

    private static void Blit(SKBitmap source, SKBitmap target, int offsetX)
    {
        for (int y = 0; y < source.Height; y++)
            for (int x = 0; x < source.Width; x++)
                target.SetPixel(offsetX + x, y, source.GetPixel(x, y));
    }

    private static void Save(SKBitmap bitmap, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using (bitmap)
        {
            using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            AtomicFile.WriteAllBytes(path, data.ToArray());
        }
    }
}
