using GenWorld.Content.Datasets;
using GenWorld.Core.Audio;
using GenWorld.Core.IO;
using SkiaSharp;

namespace GenWorld.Content.Audio;

/// <summary>A contact sheet PNG of log-mel spectrogram thumbnails, a few clips per primary label, labelled.</summary>
public static class SpectrogramSheet
{
    private const int ThumbWidth = 128;
    private const int ThumbHeight = 64;
    private const int Caption = 14;
    private const string CaptionFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Writes the sheet; picks up to <paramref name="perLabel"/> evenly spaced clips per label value. Returns clips drawn.</summary>
    public static int Write(Dataset dataset, string pngPath, int perLabel = 6)
    {
        var groups = dataset.Items.Where(i => i.SampleRate is not null).GroupBy(i => i.PrimaryValue).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (groups.Count == 0) throw new DatasetException($"{dataset.Directory}: no audio items to draw");
        var columns = perLabel;
        using var bitmap = new SKBitmap(columns * ThumbWidth, groups.Count * (ThumbHeight + Caption));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Black);
        // The bundled Skia has no fontconfig; use DejaVu (fonts-dejavu-core) when present so captions render.
        using var typeface = File.Exists(CaptionFont) ? SKTypeface.FromFile(CaptionFont) : SKTypeface.Default;
        using var font = new SKFont(typeface, 11);
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        var drawn = 0;
        for (var row = 0; row < groups.Count; row++)
        {
            var items = groups[row].ToList();
            var y = row * (ThumbHeight + Caption);
            canvas.DrawText($"{groups[row].Key} ({items.Count})", 2, y + 11, SKTextAlign.Left, font, text);
            for (var c = 0; c < Math.Min(columns, items.Count); c++)
            {
                var item = items[c * items.Count / Math.Min(columns, items.Count)];
                var clip = WavFile.Read(dataset.PathOf(item)).ToMono();
                DrawThumb(bitmap, Spectrograms.LogMel(clip.Samples, clip.SampleRate, ThumbHeight), c * ThumbWidth, y + Caption);
                drawn++;
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.WriteAllBytes(pngPath, png.AsSpan());
        return drawn;
    }

    /// <summary>Paints a log-mel spectrogram (frames × bands, dB) into a thumbnail, low frequencies at the bottom, 80 dB range.</summary>
    private static void DrawThumb(SKBitmap bitmap, float[][] logMel, int x0, int y0)
    {
        if (logMel.Length == 0) return;
        var max = logMel.Max(f => f.Max());
        for (var x = 0; x < ThumbWidth; x++)
        {
            var frame = logMel[Math.Min(logMel.Length - 1, x * logMel.Length / ThumbWidth)];
            for (var b = 0; b < ThumbHeight; b++)
            {
                var v = Math.Clamp((frame[b] - max + 80) / 80f, 0, 1);
                bitmap.SetPixel(x0 + x, y0 + ThumbHeight - 1 - b, Colour(v));
            }
        }
    }

    private static SKColor Colour(float v) =>
        new((byte)(255 * Math.Clamp(v * 2 - 0.5f, 0, 1)), (byte)(255 * Math.Clamp(v * 1.5f - 0.5f, 0, 1)), (byte)(255 * Math.Clamp(v * 2, 0, 1) * (1 - v * 0.5f)));
}
