using GenWorld.Core.IO;
using SkiaSharp;

namespace GenWorld.Training.SoundGan;

/// <summary>
/// Draws the log-magnitude plane of representations as a PNG grid: time left to right, frequency bottom to top,
/// pairs of bins averaged (so a 128 × 256 plane is a 128 × 128 tile), a black-red-yellow-white heat map over the
/// representation's [−1, 1] scale. Used for training previews and the samples sheet of an exported model.
/// </summary>
public static class SpectrogramSheet
{
    /// <summary>Saves one tile per plane (each Frames × Bins, time-major) with <paramref name="columns"/> columns and 2-pixel gaps, atomically.</summary>
    public static void Save(IReadOnlyList<float[]> logMagnitudes, int frames, int bins, int columns, string path)
    {
        ArgumentNullException.ThrowIfNull(logMagnitudes);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (logMagnitudes.Count == 0) throw new ArgumentException("Nothing to draw.", nameof(logMagnitudes));
        if (logMagnitudes.FirstOrDefault(p => p.Length < frames * bins) is { } shortPlane)
            throw new ArgumentException($"Each plane needs {frames}×{bins} values, one has {shortPlane.Length}.", nameof(logMagnitudes));
        const int gap = 2;
        int h = bins / 2, cols = Math.Min(columns, logMagnitudes.Count), rows = (logMagnitudes.Count + cols - 1) / cols;
        using var bitmap = new SKBitmap(cols * (frames + gap) - gap, rows * (h + gap) - gap, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(SKColors.White);
        for (int i = 0; i < logMagnitudes.Count; i++)
        {
            float[] plane = logMagnitudes[i];
            int ox = i % cols * (frames + gap), oy = i / cols * (h + gap);
            for (int t = 0; t < frames; t++)
            {
                for (int y = 0; y < h; y++)
                {
                    float v = 0.5f * (plane[t * bins + 2 * y] + plane[t * bins + 2 * y + 1]);
                    bitmap.SetPixel(ox + t, oy + h - 1 - y, Heat((v + 1) / 2));
                }
            }
        }
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.WriteAllBytes(path, data.ToArray());
    }

    private static SKColor Heat(float x)
    {
        x = Math.Clamp(x, 0, 1);
        byte r = (byte)(255 * Math.Clamp(3 * x, 0, 1));
        byte g = (byte)(255 * Math.Clamp(3 * x - 1, 0, 1));
        byte b = (byte)(255 * Math.Clamp(3 * x - 2, 0, 1));
        return new SKColor(r, g, b);
    }
}
