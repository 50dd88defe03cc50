using GenWorld.Core.Audio;
using GenWorld.Core.Dsp;

namespace GenWorld.Studio.Export;

/// <summary>
/// A finished mono clip as the WAV a user asked for: resampled with the finishing step's polyphase resampler when the
/// rate differs (stopband ≥ 90 dB), copied to both channels for stereo, written as 16- or 24-bit PCM.
/// </summary>
internal static class WavExport
{
    /// <summary>Rates, depths and channel counts the page offers.</summary>
    public static readonly int[] Rates = [44100, 48000], Depths = [16, 24], ChannelCounts = [1, 2];

    /// <summary>Null when the format is offered, else which field is wrong and why.</summary>
    public static string? Problem(int rate, int bits, int channels) =>
        !Rates.Contains(rate) ? $"rate: {rate} Hz is not offered; use 44100 or 48000."
        : !Depths.Contains(bits) ? $"bits: {bits} is not offered; use 16 or 24."
        : !ChannelCounts.Contains(channels) ? $"channels: {channels} is not offered; use 1 (mono) or 2 (stereo)."
        : null;

    /// <summary>The WAV bytes of <paramref name="mono"/> (at <paramref name="sourceRate"/>) in the chosen format.</summary>
    public static byte[] Encode(float[] mono, int sourceRate, int rate, int bits, int channels)
    {
        float[] resampled = rate == sourceRate ? mono : new PolyphaseResampler(sourceRate, rate).Process(mono);
        float[] samples = channels == 1 ? resampled : Interleave(resampled, channels);
        using var stream = new MemoryStream();
        WavFile.Encode(stream, new AudioClip(samples, channels, rate), bits);
        return stream.ToArray();
    }

    private static float[] Interleave(float[] mono, int channels)
    {
        var samples = new float[mono.Length * channels];
        for (int i = 0; i < mono.Length; i++)
            for (int c = 0; c < channels; c++) samples[(i * channels) + c] = mono[i];
        return samples;
    }
}
