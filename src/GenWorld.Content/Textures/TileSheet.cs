using GenWorld.Content.Datasets;
using GenWorld.Content.Imaging;
using GenWorld.Core.IO;
using SkiaSharp;

namespace GenWorld.Content.Textures;

/// <summary>A contact sheet PNG: a grid of tiles, each with a caption under it (used by <c>dataset info</c> and training reports).</summary>
public static class TileSheet
{
    private const int Cell = 64;
    private const int Caption = 13;

    /// <summary>Writes a grid of <paramref name="tiles"/> (any sizes, drawn at 64×64) with captions, <paramref name="columns"/> wide.</summary>
    public static void Write(string pngPath, IReadOnlyList<(RgbaImage Tile, string Caption)> tiles, int columns = 8)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        if (tiles.Count == 0) throw new ArgumentException("a contact sheet needs at least one tile", nameof(tiles));
        if (columns < 1) throw new ArgumentException($"columns {columns} must be at least 1", nameof(columns));
        var rows = (tiles.Count + columns - 1) / columns;
        using var surface = new SKBitmap(columns * (Cell + 2), rows * (Cell + Caption + 2));
        using var canvas = new SKCanvas(surface);
        canvas.Clear(SKColors.Black);
        using var font = new SKFont(SheetFont.Typeface, 10);
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
        for (var i = 0; i < tiles.Count; i++)
        {
            float x = i % columns * (Cell + 2) + 1, y = i / columns * (Cell + Caption + 2) + 1;
            using var bitmap = PngWriter.ToBitmap(tiles[i].Tile);
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, new SKRect(x, y, x + Cell, y + Cell), sampling);
            canvas.DrawText(tiles[i].Caption, x + 1, y + Cell + 10, SKTextAlign.Left, font, text);
        }
        using var png = SKImage.FromBitmap(surface).Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.WriteAllBytes(pngPath, png.AsSpan());
    }

    /// <summary>Writes a sheet of up to <paramref name="count"/> tiles of a textures dataset, spread evenly over its groups. Returns tiles drawn.</summary>
    public static int Write(Dataset dataset, string pngPath, int count = 64)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var groups = dataset.Items.Where(i => i.Width is not null).GroupBy(i => i.PrimaryValue).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToList()).ToList();
        if (groups.Count == 0) throw new DatasetException($"{dataset.Directory}: no image items to draw");
        // Round-robin over groups so small groups are seen; evenly spaced within a group so one source image does not fill a row.
        var picked = new List<DatasetItem>();
        for (var round = 0; picked.Count < count && round < groups.Max(g => g.Count); round++)
            foreach (var g in groups)
                if (round < g.Count && picked.Count < count)
                    picked.Add(g[(int)((long)round * 7919 % g.Count)]);
        var tiles = picked.OrderBy(i => i.PrimaryValue, StringComparer.Ordinal)
            .Select(i => (ImageDecoder.DecodeFile(dataset.PathOf(i)), i.PrimaryValue)).ToList();
        Write(pngPath, tiles);
        return tiles.Count;
    }
}
