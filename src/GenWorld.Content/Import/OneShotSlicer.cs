using GenWorld.Content.Audio;
using NWaves.Operations;

namespace GenWorld.Content.Import;

/// <summary>One clip cut from an imported recording.</summary>
/// <param name="Samples">Mono samples at the dataset rate, trimmed, faded where cut, peak-normalised to −1 dBFS.</param>
/// <param name="StartSeconds">Where it starts in the recording.</param>
public sealed record OneShot(float[] Samples, double StartSeconds);

/// <summary>How recordings are cut into one-shots. Validate with <see cref="Validate"/>.</summary>
public sealed record SliceSettings
{
    /// <summary>Longest clip in seconds (2.048 s: the clip of the default sound model).</summary>
    public double MaxSeconds { get; init; } = 2.048;

    /// <summary>Shortest clip kept, in seconds.</summary>
    public double MinSeconds { get; init; } = 0.05;

    /// <summary>Most clips taken from one recording (evenly spread over it when it has more).</summary>
    public int MaxClipsPerFile { get; init; } = 64;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public void Validate()
    {
        if (!(MaxSeconds is >= 0.1 and <= 30)) throw new ArgumentException($"MaxSeconds: {MaxSeconds} is outside 0.1..30 s", nameof(MaxSeconds));
        if (!(MinSeconds > 0 && MinSeconds < MaxSeconds)) throw new ArgumentException($"MinSeconds: {MinSeconds} must be above 0 and below MaxSeconds", nameof(MinSeconds));
        if (MaxClipsPerFile < 1) throw new ArgumentException($"MaxClipsPerFile: {MaxClipsPerFile} must be at least 1", nameof(MaxClipsPerFile));
    }
}

/// <summary>
/// Cuts a recording into one-shots: sounding regions are found with an envelope follower (NWaves; 2 ms attack, 30 ms
/// release) against −40 dB below the recording's peak, gaps under 80 ms bridged; a region longer than the longest clip
/// is cut at its onsets (<see cref="OnsetDetector"/>), or into consecutive windows when it has none (drones, ambience).
/// A short file with no silence in it stays one clip.
/// </summary>
public static class OneShotSlicer
{
    private const double SilentPeakDb = -60, RegionDb = -40, FaintDb = -30, BridgeSeconds = 0.08;

    /// <summary>The one-shots of <paramref name="mono"/> (DC already removed) at <paramref name="rate"/>; empty with a reason when none.</summary>
    public static List<OneShot> Slice(float[] mono, int rate, SliceSettings settings, out string? skipReason, out int dropped)
    {
        settings.Validate();
        skipReason = null;
        dropped = 0;
        var shots = new List<OneShot>();
        var peak = AudioDsp.Peak(mono);
        if (!(20 * Math.Log10(peak) > SilentPeakDb))
        {
            skipReason = "silent";
            return shots;
        }
        int max = (int)(settings.MaxSeconds * rate), min = (int)(settings.MinSeconds * rate);
        foreach (var (start, end) in Regions(mono, rate, peak))
        {
            if (end - start < min) continue;
            var cuts = end - start <= max ? [start] : Cuts(mono, rate, start, end, max, min);
            for (var c = 0; c < cuts.Count; c++)
            {
                var next = c + 1 < cuts.Count ? cuts[c + 1] : end;
                var length = Math.Min(max, next - cuts[c]);
                var clip = mono.AsSpan(cuts[c], length).ToArray();
                var (from, to) = AudioDsp.NonSilentRange(clip, rate, -50, 0.005);
                if (to - from < min || AudioDsp.Peak(clip) < peak * Math.Pow(10, FaintDb / 20)) continue;
                clip = clip[from..to];
                if (cuts[c] + from > start) AudioDsp.FadeIn(clip, rate, 0.002);
                if (cuts[c] + to < next) AudioDsp.FadeOut(clip, rate, 0.03);
                AudioDsp.PeakNormalise(clip, -1);
                shots.Add(new OneShot(clip, Math.Round((double)(cuts[c] + from) / rate, 3)));
            }
        }
        if (shots.Count == 0) skipReason = "too short after trimming";
        if (shots.Count > settings.MaxClipsPerFile)
        {
            dropped = shots.Count - settings.MaxClipsPerFile;
            // Evenly spread over the recording, so a long file is represented from start to end, not by its first minute.
            shots = [.. Enumerable.Range(0, settings.MaxClipsPerFile).Select(i => shots[(int)((long)i * shots.Count / settings.MaxClipsPerFile)])];
        }
        return shots;
    }

    /// <summary>Sounding regions [start, end): envelope above −40 dB below the peak, gaps shorter than 80 ms bridged.</summary>
    private static List<(int Start, int End)> Regions(float[] mono, int rate, float peak)
    {
        var follower = new EnvelopeFollower(rate, 0.002f, 0.03f);
        var threshold = peak * (float)Math.Pow(10, RegionDb / 20);
        var bridge = (int)(BridgeSeconds * rate);
        var regions = new List<(int Start, int End)>();
        int start = -1, lastLoud = -1;
        for (var i = 0; i < mono.Length; i++)
        {
            if (follower.Process(Math.Abs(mono[i])) < threshold) continue;
            if (start < 0 || i - lastLoud > bridge)
            {
                if (start >= 0) regions.Add((start, Math.Min(mono.Length, lastLoud + bridge / 2)));
                start = Math.Max(0, i - rate / 200); // 5 ms before the envelope rose: keep the attack
            }
            lastLoud = i;
        }
        if (start >= 0) regions.Add((start, Math.Min(mono.Length, lastLoud + bridge / 2)));
        return regions;
    }

    /// <summary>Cut points of a long region: its start, then onsets at least <paramref name="min"/> apart, or fixed windows.</summary>
    private static List<int> Cuts(float[] mono, int rate, int start, int end, int max, int min)
    {
        var cuts = new List<int> { start };
        foreach (var onset in OnsetDetector.Find(mono.AsSpan(start, end - start), rate))
        {
            var at = start + Math.Max(0, onset - rate / 200);
            if (at - cuts[^1] >= min && end - at >= min) cuts.Add(at);
        }
        if (cuts.Count > 1) return cuts;
        // No onsets (a drone, rain, a pad): consecutive windows, the last kept only when at least half a window long.
        for (var at = start + max; end - at >= max / 2; at += max) cuts.Add(at);
        return cuts;
    }
}
