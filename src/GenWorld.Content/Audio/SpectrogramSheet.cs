using GenWorld.Content.Datasets;
using GenWorld.Core.Audio;
using GenWorld.Core.IO;
using SkiaSharp;

namespace GenWorld.Content.Audio;

/// <summary>
/// Spectrogram contact sheets as PNG, one drawing for every sheet GenWorld writes: tiles of time (left to right) ×
/// frequency (bottom to top) on one heat map (black-red-yellow-white), written atomically. <see cref="Write"/> draws a
/// dataset's clips (log-mel, a captioned row per label); <see cref="Save"/> draws a model's log-magnitude planes
/// (training previews and an exported model's samples sheet).
/// </summary>
public static class SpectrogramSheet
{
    private const int ThumbWidth = 128;
    private const int ThumbHeight = 64;
    private const int Caption = 14;
    private const int Gap = 2;
    private const string CaptionFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Writes a dataset's sheet; picks up to <paramref name="perLabel"/> evenly spaced clips per label value. Returns clips drawn.</summary>
    public static int Write(Dataset dataset, string pngPath, int perLabel = 6)
    {
        ArgumentNullException.ThrowIfNull(dataset);
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
                float[][] logMel = Spectrograms.LogMel(clip.Samples, clip.SampleRate, ThumbHeight);
                if (logMel.Length == 0) continue;
                float max = logMel.Max(f => f.Max());
                // 80 dB below the loudest bin is black.
                DrawTile(bitmap, c * ThumbWidth, y + Caption, ThumbWidth, ThumbHeight,
                    (x, b) => (logMel[Math.Min(logMel.Length - 1, x * logMel.Length / ThumbWidth)][b] - max + 80) / 80f);
                drawn++;
            }
        }
        SavePng(bitmap, pngPath);
        return drawn;
    }

    /// <summary>
    /// A contact sheet of clips, each a captioned log-mel tile (80 dB range), <paramref name="columns"/> per row: the
    /// same tiles as a dataset's sheet, for any clips (e.g. a file and its variations).
    /// </summary>
    public static void WriteClips(IReadOnlyList<(string Caption, float[] Samples, int Rate)> clips, int columns, string pngPath)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (clips.Count == 0) throw new ArgumentException("Nothing to draw.", nameof(clips));
        int cols = Math.Min(columns, clips.Count), rows = (clips.Count + cols - 1) / cols;
        using var bitmap = new SKBitmap(cols * ThumbWidth, rows * (ThumbHeight + Caption));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Black);
        using var typeface = File.Exists(CaptionFont) ? SKTypeface.FromFile(CaptionFont) : SKTypeface.Default;
        using var font = new SKFont(typeface, 10);
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        for (var i = 0; i < clips.Count; i++)
        {
            int x = i % cols * ThumbWidth, y = i / cols * (ThumbHeight + Caption);
            canvas.DrawText(clips[i].Caption, x + 2, y + 11, SKTextAlign.Left, font, text);
            float[][] logMel = Spectrograms.LogMel(clips[i].Samples, clips[i].Rate, ThumbHeight);
            if (logMel.Length == 0) continue;
            float max = logMel.Max(f => f.Max());
            DrawTile(bitmap, x, y + Caption, ThumbWidth, ThumbHeight,
                (t, b) => (logMel[Math.Min(logMel.Length - 1, t * logMel.Length / ThumbWidth)][b] - max + 80) / 80f);
        }
        SavePng(bitmap, pngPath);
    }

    /// <summary>
    /// Saves one tile per log-magnitude plane (each Frames × Bins, time-major, on the representation's [−1, 1] scale),
    /// pairs of bins averaged (a 128 × 256 plane is a 128 × 128 tile), <paramref name="columns"/> columns, 2-pixel gaps.
    /// </summary>
    public static void Save(IReadOnlyList<float[]> logMagnitudes, int frames, int bins, int columns, string path)
    {
        ArgumentNullException.ThrowIfNull(logMagnitudes);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (logMagnitudes.Count == 0) throw new ArgumentException("Nothing to draw.", nameof(logMagnitudes));
        if (logMagnitudes.FirstOrDefault(p => p.Length < frames * bins) is { } shortPlane)
            throw new ArgumentException($"Each plane needs {frames}×{bins} values, one has {shortPlane.Length}.", nameof(logMagnitudes));
        int h = bins / 2, cols = Math.Min(columns, logMagnitudes.Count), rows = (logMagnitudes.Count + cols - 1) / cols;
        using var bitmap = new SKBitmap((cols * (frames + Gap)) - Gap, (rows * (h + Gap)) - Gap, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(SKColors.White);
        for (int i = 0; i < logMagnitudes.Count; i++)
        {
            float[] plane = logMagnitudes[i];
            DrawTile(bitmap, i % cols * (frames + Gap), i / cols * (h + Gap), frames, h,
                (t, y) => ((0.5f * (plane[(t * bins) + (2 * y)] + plane[(t * bins) + (2 * y) + 1])) + 1) / 2);
        }
        SavePng(bitmap, path);
    }

    /// <summary>Paints value(column, row from the bottom) ∈ [0, 1] as a heat-map tile with low rows at the bottom.</summary>
    private static void DrawTile(SKBitmap bitmap, int x0, int y0, int width, int height, Func<int, int, float> value)
    {
        for (int x = 0; x < width; x++)
            for (int y = 0; y < height; y++)
                bitmap.SetPixel(x0 + x, y0 + height - 1 - y, Heat(value(x, y)));
    }

    private static SKColor Heat(float x)
    {
        x = Math.Clamp(x, 0, 1);
        return new SKColor((byte)(255 * Math.Clamp(3 * x, 0, 1)), (byte)(255 * Math.Clamp((3 * x) - 1, 0, 1)), (byte)(255 * Math.Clamp((3 * x) - 2, 0, 1)));
    }

    private static void SavePng(SKBitmap bitmap, string path)
    {
        using SKData png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.WriteAllBytes(path, png.AsSpan());
    }
}
