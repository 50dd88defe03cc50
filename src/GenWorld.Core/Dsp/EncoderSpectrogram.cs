namespace GenWorld.Core.Dsp;

/// <summary>
/// What the full-band sound VAE's encoder reads: the log-mel spectrogram (FFT 2048, the decoder's hop, 64 bands from
/// 0 Hz to Nyquist) of the clip padded or cut to its length, scaled to roughly −1..3 by (ln E + 6)/6, laid out
/// [band][frame] for a 2-D convolution. The trainer and the runtime encoder both call this, so a WAV encoded by the
/// field and by `generate` gets one latent.
/// </summary>
public sealed class EncoderSpectrogram
{
    /// <summary>Mel bands.</summary>
    public const int Bands = 64;

    /// <summary>FFT size of the analysis.</summary>
    public const int FftSize = 2048;

    private readonly LogMelSpectrogram _logMel;

    /// <summary>For clips of <paramref name="frames"/>·<paramref name="hop"/> samples at <paramref name="sampleRate"/>.</summary>
    public EncoderSpectrogram(int sampleRate, int hop, int frames)
    {
        _logMel = new LogMelSpectrogram(sampleRate, FftSize, hop, Bands);
        Frames = frames;
    }

    /// <summary>Frames per clip.</summary>
    public int Frames { get; }

    /// <summary>Values per clip (Bands × Frames).</summary>
    public int Size => Bands * Frames;

    /// <summary>The encoder input of one clip into <paramref name="output"/> (length <see cref="Size"/>).</summary>
    public void Compute(ReadOnlySpan<float> clip, Span<float> output)
    {
        if (output.Length != Size) throw new ArgumentException($"output holds {output.Length} values, the spectrogram has {Size}.", nameof(output));
        float[] rows = _logMel.Compute(clip, Frames);
        for (int t = 0; t < Frames; t++)
            for (int b = 0; b < Bands; b++)
                output[b * Frames + t] = (rows[t * Bands + b] + 6) / 6;
    }

    /// <summary>The encoder input of one clip.</summary>
    public float[] Compute(ReadOnlySpan<float> clip)
    {
        var result = new float[Size];
        Compute(clip, result);
        return result;
    }
}
