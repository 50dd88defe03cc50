using System.Globalization;
using GenWorld.Content.Audio;

namespace GenWorld.Content.Datasets;

/// <summary>
/// Labels that record how far up an audio clip really reaches: its source's rate, its measured 95 % rolloff and
/// whether it is full band. A 22 kHz game sound resampled to 48 kHz is still empty above 11 kHz; a full-band model
/// trained on it learns to be muffled, so such clips are marked and left out of full-band training.
/// </summary>
public static class BandwidthLabels
{
    /// <summary>Label: the decoded source's sample rate in Hz.</summary>
    public const string SourceRate = "sourceRate";

    /// <summary>Label: 95 % spectral rolloff of the clip in Hz.</summary>
    public const string Rolloff = "rolloffHz";

    /// <summary>Label: "full" or "limited".</summary>
    public const string Band = "band";

    /// <summary>Value of <see cref="Band"/> for a clip whose source is below <see cref="FullBandSourceRate"/>.</summary>
    public const string Limited = "limited";

    /// <summary>Value of <see cref="Band"/> for a full-band clip.</summary>
    public const string Full = "full";

    /// <summary>Whether a clip with <paramref name="labels"/> may train or judge a full-band model (not marked limited).</summary>
    public static bool IsFullBand(IReadOnlyDictionary<string, string> labels) => labels.GetValueOrDefault(Band) != Limited;

    /// <summary>The lowest source rate whose Nyquist lies above the 20 kHz of hearing.</summary>
    public const int FullBandSourceRate = 44100;

    /// <summary>
    /// Adds the three labels for <paramref name="clip"/> at <paramref name="rate"/>, decoded from a
    /// <paramref name="sourceRate"/> source. With <paramref name="markBand"/> false only the measurements are written
    /// (no <see cref="Band"/> label, so no model leaves the clip out): for a source whose band-limited clips are the
    /// data itself (GM SoundFont notes: three in four are played from samples whose content ends under 20 kHz).
    /// </summary>
    public static void Add(IDictionary<string, string> labels, ReadOnlySpan<float> clip, int rate, int sourceRate, bool markBand = true)
    {
        ArgumentNullException.ThrowIfNull(labels);
        labels[SourceRate] = sourceRate.ToString(CultureInfo.InvariantCulture);
        labels[Rolloff] = Math.Round(AudioDsp.RolloffHz(clip, rate)).ToString(CultureInfo.InvariantCulture);
        if (markBand) labels[Band] = sourceRate >= FullBandSourceRate ? Full : Limited;
    }
}
