using GenWorld.Core.Dsp;

namespace GenWorld.Content.Import;

/// <summary>
/// Note and hit onsets by positive spectral flux of the log magnitude (1024-point frames, 256 hop): a frame is an onset
/// when its flux is a local maximum above 1.5× the local mean (±16 frames) plus a floor (half the clip's mean flux, at
/// least a tenth of its strongest onset), and at
/// least <see cref="MinGapSeconds"/> after the previous one. Frames are transformed one at a time so a ten-minute
/// recording needs no spectrogram in memory.
/// </summary>
public static class OnsetDetector
{
    /// <summary>Closest two onsets may be.</summary>
    public const double MinGapSeconds = 0.1;

    private const int FftSize = 1024, Hop = 256, Context = 16, Peak = 3;

    /// <summary>Sample positions of the onsets of <paramref name="samples"/>, ascending.</summary>
    public static List<int> Find(ReadOnlySpan<float> samples, int rate)
    {
        var stft = new Stft(FftSize, Hop);
        int frames = stft.FrameCount(samples.Length), bins = FftSize / 2 + 1;
        var flux = new double[frames];
        var re = new double[FftSize];
        var im = new double[FftSize];
        var previous = new double[bins];
        for (var t = 0; t < frames; t++)
        {
            stft.Frame(samples, t, re, im);
            double sum = 0;
            for (var k = 0; k < bins; k++)
            {
                var log = Math.Log(1 + 100 * Math.Sqrt(re[k] * re[k] + im[k] * im[k]));
                if (t > 0) sum += Math.Max(0, log - previous[k]);
                previous[k] = log;
            }
            flux[t] = sum;
        }
        var onsets = new List<int>();
        if (frames < 3) return onsets;
        // Floors: half the mean flux, and a tenth of the strongest onset, so the flicker of a steady drone is no onset.
        var floor = Math.Max(0.5 * flux.Average(), 0.1 * flux.Max());
        var minGap = (int)(MinGapSeconds * rate);
        for (var t = 1; t < frames - 1; t++)
        {
            double local = 0;
            int from = Math.Max(0, t - Context), to = Math.Min(frames - 1, t + Context);
            for (var u = from; u <= to; u++) local += flux[u];
            local /= to - from + 1;
            if (flux[t] <= 1.5 * local + floor) continue;
            var isPeak = true;
            for (var u = Math.Max(0, t - Peak); u <= Math.Min(frames - 1, t + Peak) && isPeak; u++)
                if (flux[u] > flux[t]) isPeak = false;
            var position = t * Hop;
            if (isPeak && (onsets.Count == 0 || position - onsets[^1] >= minGap)) onsets.Add(position);
        }
        return onsets;
    }
}
