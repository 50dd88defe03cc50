using System.Globalization;
using GenWorld.Content.Datasets;
using GenWorld.Training.Data;

namespace GenWorld.Training.Synth;

/// <summary>
/// The band limit a full-band model's noise path gets from its training clips (<see cref="SynthConfig.BandLimitHz"/>):
/// when at least half of them come from sources of one rate whose Nyquist lies below the model's, that Nyquist. The
/// game sound effects are 984 of 1,099 clips from 44.1 kHz files, empty above 22.05 kHz; a model free to fill 22-24 kHz
/// did, and its top band was the feature that gave its sounds away most (effect size 0.45). Notes rendered at 48 kHz,
/// and mixed sources with no majority, get no limit.
/// </summary>
public static class SynthBandLimit
{
    /// <summary>The limit in Hz for <paramref name="clips"/> and a model at <paramref name="sampleRate"/>, or 0 (none).</summary>
    public static float Choose(IReadOnlyList<ClipItem> clips, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(clips);
        if (clips.Count == 0) return 0;
        var rates = clips
            .Select(c => c.Labels.TryGetValue(BandwidthLabels.SourceRate, out string? r) && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out int rate) ? rate : 0)
            .Where(r => r > 0)
            .GroupBy(r => r)
            .OrderByDescending(g => g.Count())
            .FirstOrDefault();
        if (rates is null || rates.Count() * 2 < clips.Count || rates.Key >= sampleRate) return 0;
        return rates.Key / 2f;
    }
}
