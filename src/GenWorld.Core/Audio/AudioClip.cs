namespace GenWorld.Core.Audio;

/// <summary>Decoded audio: interleaved float samples in [-1, 1] at a sample rate.</summary>
/// <param name="Samples">Interleaved samples, <c>frames * channels</c> long.</param>
/// <param name="Channels">Channel count (1 = mono).</param>
/// <param name="SampleRate">Frames per second.</param>
public sealed record AudioClip(float[] Samples, int Channels, int SampleRate)
{
    /// <summary>Number of frames (samples per channel).</summary>
    public int Frames => Channels == 0 ? 0 : Samples.Length / Channels;

    /// <summary>Duration in seconds.</summary>
    public double Seconds => SampleRate == 0 ? 0 : (double)Frames / SampleRate;

    /// <summary>Averages all channels into one (equal weights).</summary>
    public AudioClip ToMono()
    {
        if (Channels == 1) return this;
        var mono = new float[Frames];
        float scale = 1f / Channels;
        for (int f = 0; f < mono.Length; f++)
        {
            float sum = 0;
            for (int c = 0; c < Channels; c++) sum += Samples[(f * Channels) + c];
            mono[f] = sum * scale;
        }
        return new AudioClip(mono, 1, SampleRate);
    }

    /// <summary>One channel's samples, de-interleaved.</summary>
    public float[] Channel(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Channels);
        var result = new float[Frames];
        for (int f = 0; f < result.Length; f++) result[f] = Samples[(f * Channels) + channel];
        return result;
    }
}
