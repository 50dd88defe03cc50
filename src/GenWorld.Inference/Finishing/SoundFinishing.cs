using System.Globalization;
using System.Text.Json.Serialization;

namespace GenWorld.Inference.Finishing;

/// <summary>How a generated clip is finished for playback.</summary>
/// <param name="OutputRate">Sample rate of the finished clip in Hz (the model's rate is resampled to it).</param>
/// <param name="TargetLufs">Integrated loudness the clip is brought to (BS.1770-style), unless the peak ceiling says less.</param>
/// <param name="PeakCeilingDbfs">No sample may exceed this level; it wins over the loudness target.</param>
/// <param name="FadeMs">Raised-cosine fade at both ends, so a voice never starts or stops with a click.</param>
public sealed record SoundFinishing(int OutputRate = 48000, double TargetLufs = -18, double PeakCeilingDbfs = -1, double FadeMs = 5)
{
    /// <summary>48 kHz, −18 LUFS, −1 dBFS ceiling, 5 ms fades: headroom for a spatial mix of many emitters.</summary>
    public static SoundFinishing Default { get; } = new();

    /// <summary>The ceiling as a linear amplitude.</summary>
    [JsonIgnore]
    public float PeakCeiling => (float)Math.Pow(10, PeakCeilingDbfs / 20);

    /// <summary>Short text for cache versions and recipes, e.g. "48000 Hz, -18 LUFS, -1 dBFS, 5 ms".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{OutputRate} Hz, {TargetLufs} LUFS, {PeakCeilingDbfs} dBFS, {FadeMs} ms");

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        if (OutputRate is < 8000 or > 384000)
            throw new ArgumentOutOfRangeException(nameof(OutputRate), OutputRate, $"output rate must be between 8000 and 384000 Hz, got {OutputRate}.");
        if (!double.IsFinite(TargetLufs) || TargetLufs is < -70 or > 0)
            throw new ArgumentOutOfRangeException(nameof(TargetLufs), TargetLufs, "target loudness must be between -70 and 0 LUFS.");
        if (!double.IsFinite(PeakCeilingDbfs) || PeakCeilingDbfs is < -60 or > 0)
            throw new ArgumentOutOfRangeException(nameof(PeakCeilingDbfs), PeakCeilingDbfs, "peak ceiling must be between -60 and 0 dBFS.");
        if (!double.IsFinite(FadeMs) || FadeMs is < 0 or > 1000)
            throw new ArgumentOutOfRangeException(nameof(FadeMs), FadeMs, "fade must be between 0 and 1000 ms.");
    }
}
